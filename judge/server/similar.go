package server

import (
	"fmt"
	"net/http"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/server/web"
	"github.com/judge-dev/judge/judge/similarity"
)

// similarData is the desk's similarity page: each candidate's latest submission to one problem
// compared with every other's (judge grade --similarity), pairs at the threshold or above shown
// side by side with their matching lines marked.
type similarData struct {
	A       *judge.Assessment
	Problem string
	Result  similarity.Result
	// Compared counts the candidates whose latest submission was compared.
	Compared int
	Pairs    []similarPair
}

type similarPair struct {
	similarity.Pair
	A, B         *judge.Record
	AName, BName string
	ALines       []markedLine
	BLines       []markedLine
}

// markedLine is a line of highlighted source, Match when it lies in a matching stretch.
type markedLine struct {
	web.Line
	Match bool
}

func (s *Server) deskSimilar(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	prob := r.URL.Query().Get("problem")
	if prob == "" && len(a.Problems) == 1 {
		prob = a.Problems[0]
	}
	if prob == "" || !a.HasProblem(prob) {
		return errf(http.StatusBadRequest, "bad_input", "problem must be one of the assessment's")
	}
	p, err := s.cfg.Problem(r.Context(), prob)
	if err != nil {
		return err
	}
	recs, cands, err := s.records(r, a, "", prob)
	if err != nil {
		return err
	}
	// A candidate's own submissions resemble each other: compare only each one's latest.
	latest := map[string]*judge.Record{}
	var order []string
	for _, rec := range recs {
		old, seen := latest[rec.CandidateID]
		if !seen {
			order = append(order, rec.CandidateID)
		}
		if !seen || !rec.Created.Before(old.Created) {
			latest[rec.CandidateID] = rec
		}
	}
	byID := map[string]*judge.Record{}
	var items []grade.Item
	for _, cid := range order {
		rec := latest[cid]
		byID[rec.ID] = rec
		items = append(items, grade.Item{Name: rec.ID, Submission: rec.Submission})
	}
	d := &similarData{A: a, Problem: prob, Compared: len(items)}
	d.Result = grade.Similar(p, items, similarity.Options{})
	name := func(rec *judge.Record) string {
		if c := cands[rec.CandidateID]; c != nil {
			return c.Name
		}
		return rec.CandidateID
	}
	for _, pr := range d.Result.Pairs {
		ra, rb := byID[pr.A], byID[pr.B]
		if ra == nil || rb == nil {
			return fmt.Errorf("similarity: pair %s ~ %s names no compared submission", pr.A, pr.B)
		}
		var am, bm []similarity.Lines
		for _, m := range pr.Matches {
			am, bm = append(am, m.A), append(bm, m.B)
		}
		d.Pairs = append(d.Pairs, similarPair{Pair: pr, A: ra, B: rb, AName: name(ra), BName: name(rb),
			ALines: mark(ra.Submission.Source, am), BLines: mark(rb.Submission.Source, bm)})
	}
	s.render(w, r, http.StatusOK, "desk_similar", s.deskFrame(r, "Similar submissions · "+prob, d))
	return nil
}

// mark highlights src and marks the lines inside the ranges.
func mark(src []byte, ranges []similarity.Lines) []markedLine {
	lines := web.Highlight(string(src))
	out := make([]markedLine, len(lines))
	for i, l := range lines {
		out[i].Line = l
		for _, rg := range ranges {
			if l.N >= rg.From && l.N <= rg.To {
				out[i].Match = true
				break
			}
		}
	}
	return out
}
