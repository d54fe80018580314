package judge

import "errors"

// The kinds of failure a caller must tell apart. Wrap them with fmt.Errorf("op: detail: %w", ...);
// the command line maps them to exit codes in one place.
var (
	// ErrBadInput: the request is wrong (unknown problem, unreadable or invalid source, bad
	// problem package). The user can fix it; nothing was judged.
	ErrBadInput = errors.New("bad input")
	// ErrUnavailable: the judge cannot judge right now (Docker unreachable, runner image
	// missing). Never the candidate's fault.
	ErrUnavailable = errors.New("judge unavailable")
)
