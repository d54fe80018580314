package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/judge-dev/judge/judge"
)

// FollowTimeout bounds one event stream; a client reconnects for more.
const FollowTimeout = 10 * time.Minute

// progressEvent is one "progress" event: tests done of total, and the one just finished when
// the policy shows it.
type progressEvent struct {
	Done  int             `json:"done"`
	Total int             `json:"total"`
	Test  *judge.TestView `json:"test,omitempty"`
}

// follow streams a submission's judging as server-sent events: "progress" as each test
// finishes ({"done", "total"} and, when the policy shows it, "test"), then "result" (what
// GET .../submissions/{id} answers) and the end. Progress comes from Config.Follow (this
// process's workers); the stored state is read again every 2 s, so a judging done elsewhere
// still ends the stream.
func (s *Server) follow(w http.ResponseWriter, r *http.Request) error {
	inv := inviteeOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	events, cancel := (<-chan judge.Progress)(nil), func() {}
	if s.cfg.Follow != nil {
		events, cancel = s.cfg.Follow(id) // before reading the state: no step falls between
	}
	defer cancel()
	rec, err := s.ownRecord(r)
	if err != nil {
		return err
	}

	rc := http.NewResponseController(w)
	// The server's read timeout is for request bodies; a stream outlives it.
	_ = rc.SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) bool {
		b, err := json.Marshal(v)
		if err == nil {
			_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
		}
		if err == nil {
			err = rc.Flush()
		}
		return err == nil
	}
	// From here on the answer has begun: failures end the stream, they cannot be answered.
	ctx, stop := context.WithTimeout(r.Context(), FollowTimeout)
	defer stop()
	result := func() {
		if rec, err := s.cfg.Store.Record(ctx, id); err == nil {
			send("result", judge.CandidateView(inv.assessment, rec))
		}
	}
	if rec.State != judge.StateQueued || rc.Flush() != nil {
		result()
		return nil
	}
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case p := <-events:
			if p.Final {
				result()
				return nil
			}
			ev := progressEvent{Done: p.Done, Total: p.Total}
			if p.Test != nil {
				if v, ok := judge.CandidateTest(inv.assessment, *p.Test); ok {
					ev.Test = &v
				}
			}
			if !send("progress", ev) {
				return nil
			}
		case <-tick.C:
			if len(events) > 0 {
				// Progress heard but not told yet: telling the stored result now would drop it
				// (select picks at random when both are ready); the final event follows it.
				continue
			}
			now, err := s.cfg.Store.Record(ctx, id)
			if err != nil {
				return nil
			}
			if now.State != judge.StateQueued {
				send("result", judge.CandidateView(inv.assessment, now))
				return nil
			}
			if _, err := fmt.Fprint(w, ": waiting\n\n"); err != nil || rc.Flush() != nil {
				return nil
			}
		}
	}
}
