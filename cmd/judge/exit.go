package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/judge-dev/judge/judge"
)

// Exit codes (README "Exit codes"). They are decided here and nowhere else.
const (
	exitAccepted    = 0
	exitNotAccepted = 1
	exitBadInput    = 2
	exitUnavailable = 3
)

// errNotAccepted is returned by commands whose work was done but whose answer is "no" (a
// verdict other than AC, a failed verification).
var errNotAccepted = errors.New("not accepted")

func exitCode(err error) int {
	switch {
	case err == nil:
		return exitAccepted
	case errors.Is(err, errNotAccepted):
		return exitNotAccepted
	case errors.Is(err, judge.ErrBadInput), errors.Is(err, errUsage):
		return exitBadInput
	case errors.Is(err, context.Canceled):
		return exitUnavailable
	default:
		// The judge failed: Docker unreachable, image missing, an internal error.
		return exitUnavailable
	}
}

var errUsage = errors.New("usage")

func usageError(format string, a ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, a...), errUsage)
}

// verdictError turns a report's verdict into the command's result.
func verdictError(v judge.Verdict) error {
	switch v {
	case judge.Accepted:
		return nil
	case judge.InternalError:
		return fmt.Errorf("internal error: %w", judge.ErrUnavailable)
	}
	return errNotAccepted
}
