// Package harness speaks the judge's side of the harness protocol (docs/harness-protocol.md): it
// writes a job as length-prefixed frames to the harness's stdin and reads its framed reports
// back. It knows nothing of containers: the sandbox gives it the two streams. It must never trust
// anything on the stream beyond its structure: sizes are capped and verdicts are decided elsewhere.
package harness

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/judge-dev/judge/judge"
)

// Version is the protocol version this package speaks.
const Version = 1

// MemorySlackMiB is how far a test's reported peak memory can be over its memory limit
// (harness.py MEMORY_SLACK_MB; docs/harness-protocol.md, "Memory").
const MemorySlackMiB = 48

// WallStarvedMax is how many wall limits more a test may last while its processes wait for a
// CPU or for the kernel's I/O (harness.py WALL_STARVED_MAX): judge.WallStarved, named here
// for the protocol's side. The host's budget for a job allows for it.
const WallStarvedMax = judge.WallStarved

// ErrIncomplete means the stream ended before the harness said "end": the sandbox died or was
// killed. The sandbox decides why.
var ErrIncomplete = errors.New("harness stopped before the end of the job")

// LinkDir is where both sandboxes of an interactive test mount the folder of its pipes (the
// harness's "link": the validator's harness makes them, the submission's mounts it read-only).
const LinkDir = "/link"

// maxMessage caps a JSON report frame (it carries a capped stderr).
const maxMessage = 4 << 20

type header struct {
	Version   int                 `json:"version"`
	Mode      judge.JobMode       `json:"mode"`
	Filename  string              `json:"filename"`
	Source    string              `json:"source"`
	Function  *judge.FunctionSpec `json:"function,omitempty"`
	Forbidden judge.Forbidden     `json:"forbidden"`
	Validator *validator          `json:"validator,omitempty"`
	Limits    limits              `json:"limits"`
	Tests     int                 `json:"tests"`
	Link      string              `json:"link,omitempty"`
	Feedback  bool                `json:"feedback,omitempty"`
	Session   bool                `json:"session,omitempty"`
	Isolate   bool                `json:"isolate,omitempty"`
}

type validator struct {
	Files  map[string]string `json:"files"`
	Entry  string            `json:"entry"`
	Flags  []string          `json:"flags"`
	Lang   string            `json:"lang,omitempty"`
	Binary []byte            `json:"binary,omitempty"` // base64 in JSON
	// Function: the validator is this function of the entry's module, called per test.
	Function string `json:"function,omitempty"`
}

type limits struct {
	TimeMS      int64 `json:"time_ms"`
	WallMS      int64 `json:"wall_ms"`
	MemoryMB    int   `json:"memory_mb"`
	OutputBytes int   `json:"output_bytes"`
	StderrBytes int   `json:"stderr_bytes"`
}

type message struct {
	Type     string            `json:"type"`
	Harness  int               `json:"harness"`
	Python   string            `json:"python"`
	Kind     string            `json:"kind"`
	Line     int               `json:"line"`
	Message  string            `json:"message"`
	Test     int               `json:"test"`
	Status   judge.Status      `json:"status"`
	CPUMS    float64           `json:"cpu_ms"`
	WallMS   float64           `json:"wall_ms"`
	MemoryKB int64             `json:"memory_kb"`
	ExitCode *int              `json:"exit_code"`
	Signal   *int              `json:"signal"`
	Error    *judge.PyError    `json:"error"`
	Detail   string            `json:"detail"`
	Stderr   string            `json:"stderr"`
	Lint     *judge.Lint       `json:"lint"`
	EndedNS  int64             `json:"ended_ns"`
	Feedback map[string][]byte `json:"feedback"`
	Session  string            `json:"session"`
}

// Header encodes the job's first frame.
func Header(job judge.Job) ([]byte, error) { return encodeHeader(job, false) }

// encodeHeader is Header, saying session when the job is one of a validator session.
func encodeHeader(job judge.Job, session bool) ([]byte, error) {
	h := header{
		Version:   Version,
		Mode:      job.Mode,
		Filename:  job.Filename,
		Source:    string(job.Source),
		Function:  job.Function,
		Forbidden: job.Forbidden,
		Limits: limits{
			TimeMS:      job.Limits.Time.Milliseconds(),
			WallMS:      job.Limits.Wall.Milliseconds(),
			MemoryMB:    job.Limits.MemoryMiB,
			OutputBytes: job.Limits.OutputBytes,
			StderrBytes: job.Limits.StderrBytes,
		},
		Tests: job.Tests,
	}
	if job.Interactive {
		h.Link = LinkDir
	}
	h.Feedback = job.Feedback
	h.Session = session
	h.Isolate = job.Isolate
	if job.Validator != nil {
		v := &validator{Files: map[string]string{}, Entry: job.Validator.Entry, Flags: job.Flags,
			Lang: job.Validator.Lang, Binary: job.Validator.Binary, Function: job.Validator.Function}
		for name, b := range job.Validator.Files {
			v.Files[name] = string(b)
		}
		h.Validator = v
	}
	return json.Marshal(h)
}

// WriteFrame writes one length-prefixed frame.
func WriteFrame(w io.Writer, b []byte) error {
	return writeFrames(w, b)
}

// coalesceMax is how many bytes of frames go out in one Write. Each Write to a container's
// attach stream is copied by dockerd and the shim on its way, so a test's frames (a validate
// job's input, answer and output) go together; larger ones are not copied into one buffer.
const coalesceMax = 64 << 10

// writeFrames writes the frames in order, as few Writes as coalesceMax allows.
func writeFrames(w io.Writer, frames ...[]byte) error {
	var buf []byte
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := w.Write(buf)
		buf = buf[:0]
		return err
	}
	for _, b := range frames {
		if len(b) > math.MaxUint32 {
			return fmt.Errorf("write frame: %d bytes is too large", len(b))
		}
		buf = binary.BigEndian.AppendUint32(buf, uint32(len(b)))
		if len(buf)+len(b) <= coalesceMax {
			buf = append(buf, b...)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return flush()
}

// ReadFrame reads one frame of at most max bytes.
func ReadFrame(r io.Reader, max int) ([]byte, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint32(n[:])
	if int64(size) > int64(max) {
		return nil, fmt.Errorf("read frame: %d bytes is over the %d byte cap", size, max)
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(r, b); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

// Feed writes the whole request: the header, then each test's frames. The harness reads test
// frames lazily, so this blocks on the pipe; it returns when done, on a write error, or when stop
// is closed. It closes w at the end so the harness sees EOF.
func Feed(w io.WriteCloser, job judge.Job, stop <-chan struct{}) error {
	defer w.Close()
	return feed(w, job, false, stop)
}

// endOfJob is the length that is no frame: the end of a session job's tests.
const endOfJob = math.MaxUint32

// SessionKey names the validator session a job can join: jobs with the same key run the same
// validator with the same arguments and limits, and may share a container (a validator session,
// docs/harness-protocol.md). ok is false for a job that never shares one: any but a validate
// job, or an interactive validator's.
func SessionKey(job judge.Job) (key string, ok bool) {
	if job.Mode != judge.JobValidate || job.Interactive {
		return "", false
	}
	h, err := encodeHeader(job, true)
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(h)
	return hex.EncodeToString(sum[:]), true
}

// FeedSession writes one job of a validator session: the header says session, and the request
// ends with the end marker and then the job's nonce, which the harness echoes in done once
// nothing of the job runs any more (SessionReports). w stays open for the next job. A stopped
// feed writes neither: the session cannot go on, and its container must go.
func FeedSession(w io.Writer, job judge.Job, nonce string, stop <-chan struct{}) error {
	if err := feed(w, job, true, stop); err != nil {
		return err
	}
	select {
	case <-stop:
		return errStopped
	default:
	}
	// The end marker is a length with no frame after it; the nonce's frame follows, in one Write.
	msg := binary.BigEndian.AppendUint32(nil, endOfJob)
	msg = binary.BigEndian.AppendUint32(msg, uint32(len(nonce)))
	if _, err := w.Write(append(msg, nonce...)); err != nil {
		return fmt.Errorf("feed: end of job: %w", err)
	}
	return nil
}

var errStopped = errors.New("feed: stopped")

func feed(w io.Writer, job judge.Job, session bool, stop <-chan struct{}) error {
	h, err := encodeHeader(job, session)
	if err != nil {
		return fmt.Errorf("feed: encode header: %w", err)
	}
	if err := WriteFrame(w, h); err != nil {
		return fmt.Errorf("feed: header: %w", err)
	}
	for i := 0; i < job.Tests; i++ {
		select {
		case <-stop:
			if session {
				return errStopped
			}
			return nil
		default:
		}
		if job.Frames == nil {
			continue // a compile job has no frames
		}
		frames := job.Frames(i)
		if frames == nil {
			return nil // no test i: the job ends here
		}
		if err := writeFrames(w, frames...); err != nil {
			return fmt.Errorf("feed: test %d: %w", i, err)
		}
	}
	return nil
}

// Read consumes the harness's whole report stream: Hello, then Reports. It stops early (returning
// nil) when each returns false. An early end of the stream returns ErrIncomplete.
func Read(ctx context.Context, r io.Reader, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	python, err := Hello(r)
	if err != nil {
		return judge.RunInfo{}, err
	}
	info, err := Reports(ctx, r, job, each)
	info.Python = python
	return info, err
}

// Hello reads the harness's first frame, written as soon as it starts and before it reads the
// request, and returns the Python version it reports. A pool reads it when it warms a container,
// so that a container it hands out is known to be ready.
func Hello(r io.Reader) (python string, err error) {
	m, err := next(r)
	if err != nil {
		return "", err
	}
	if m.Type != "hello" || m.Harness != Version {
		return "", fmt.Errorf("harness protocol: want hello version %d, got %q version %d (rebuild the runner image: judge image build)", Version, m.Type, m.Harness)
	}
	return m.Python, nil
}

// Reports consumes the reports that follow hello until "end", calling each for every test result.
// It stops early (returning nil) when each returns false. An early end of the stream returns
// ErrIncomplete. RunInfo.Python is left to the caller (it came with hello).
func Reports(ctx context.Context, r io.Reader, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	info, _, err := reports(ctx, r, job, each)
	return info, err
}

// ErrSessionBroken: a session job's reports did not end the way a well-behaved job's do (with
// end, then done with the job's nonce), so its container must not serve another job. What the
// job reported stands: it came from that job's own validator.
var ErrSessionBroken = errors.New("validator session: the job did not end cleanly")

// SessionReports consumes one session job's reports, as Reports does, and then reads up to the
// harness's done with nonce. The nonce never was where the job's processes could read it, so no
// frame after done can come from the job: the container may serve the next job. Anything else
// between end and done, a done with another nonce, or done before end returns ErrSessionBroken
// (the job's reports before it were given to each as usual). atEnd, if not nil, is given the
// job's RunInfo as soon as end is read: the job's results are complete there, and the caller
// need not wait for the harness's clean-up behind done.
func SessionReports(ctx context.Context, r io.Reader, job judge.Job, nonce string, each func(judge.Execution) bool, atEnd func(judge.RunInfo)) (judge.RunInfo, error) {
	info, ended, err := reports(ctx, r, job, each)
	if err != nil {
		return info, err
	}
	if !ended {
		return info, fmt.Errorf("%w: stopped before its end", ErrSessionBroken)
	}
	if atEnd != nil {
		atEnd(info)
	}
	m, err := next(r)
	if err != nil {
		return info, err
	}
	if m.Type != "done" || m.Session != nonce {
		return info, fmt.Errorf("%w: %q after end, not done with the job's nonce", ErrSessionBroken, m.Type)
	}
	return info, nil
}

// reports is Reports, and whether the harness said end.
func reports(ctx context.Context, r io.Reader, job judge.Job, each func(judge.Execution) bool) (info judge.RunInfo, ended bool, err error) {
	maxOutput := job.Limits.OutputBytes + 64<<10
	for {
		if err := ctx.Err(); err != nil {
			return info, false, err
		}
		m, err := next(r)
		if err != nil {
			return info, false, err
		}
		switch m.Type {
		case "compiled":
			info.Lint = m.Lint
		case "start":
		case "compile_error":
			info.CompileError = &judge.CompileFailure{Kind: m.Kind, Line: m.Line, Message: m.Message}
		case "end":
			return info, true, nil
		case "done":
			// A session's job process ended without saying end (it died): the job is over.
			return info, false, fmt.Errorf("%w: its process ended before its end", ErrSessionBroken)
		case "result":
			out, err := ReadFrame(r, maxOutput)
			if err != nil {
				if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
					return info, false, ErrIncomplete
				}
				return info, false, fmt.Errorf("harness protocol: output of test %d: %w", m.Test, err)
			}
			if m.Test != info.Completed {
				return info, false, fmt.Errorf("harness protocol: result for test %d, want %d", m.Test, info.Completed)
			}
			info.Completed++
			e := judge.Execution{
				Test:     m.Test,
				Status:   m.Status,
				CPU:      time.Duration(m.CPUMS * float64(time.Millisecond)),
				Wall:     time.Duration(m.WallMS * float64(time.Millisecond)),
				MemoryKB: m.MemoryKB,
				ExitCode: m.ExitCode,
				Signal:   m.Signal,
				Error:    m.Error,
				Detail:   m.Detail,
				Stderr:   m.Stderr,
				Output:   out,
				Ended:    time.Duration(m.EndedNS),
				Feedback: m.Feedback,
			}
			if !each(e) {
				return info, false, nil
			}
		default:
			return info, false, fmt.Errorf("harness protocol: unknown report %q", m.Type)
		}
	}
}

// next reads one JSON report frame; an early end of the stream is ErrIncomplete.
func next(r io.Reader) (message, error) {
	b, err := ReadFrame(r, maxMessage)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return message{}, ErrIncomplete
		}
		return message{}, err
	}
	var m message
	if err := json.Unmarshal(b, &m); err != nil {
		return message{}, fmt.Errorf("harness protocol: bad report frame: %v", err)
	}
	return m, nil
}
