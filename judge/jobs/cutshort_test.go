package jobs

import (
	"testing"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/assert"
)

// cutShort counts the attempts that ended with no outcome: those without a recorded error, and
// those River's rescuer took back from a worker that vanished (PostgreSQL workers).
func TestCutShort(t *testing.T) {
	failed := rivertype.AttemptError{Error: "docker: context deadline exceeded"}
	rescued := rivertype.AttemptError{Error: rescuedError}
	for _, c := range []struct {
		name    string
		attempt int
		errors  []rivertype.AttemptError
		want    int
	}{
		{"first attempt", 1, nil, 0},
		{"after one that failed", 2, []rivertype.AttemptError{failed}, 0},
		{"after one whose process died", 2, nil, 1},
		{"after one rescued", 2, []rivertype.AttemptError{rescued}, 1},
		{"died, failed, rescued", 4, []rivertype.AttemptError{failed, rescued}, 2},
	} {
		job := &river.Job[Args]{JobRow: &rivertype.JobRow{Attempt: c.attempt, Errors: c.errors}}
		assert.Equal(t, c.want, cutShort(job), c.name)
	}
}
