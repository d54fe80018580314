package server

import (
	"context"
	"time"

	"github.com/judge-dev/judge/judge"
)

// DemoProblems are the demo assessment's problems.
var DemoProblems = []string{"two-sum", "fibonacci"}

// Demo makes a demo assessment, open for 30 days from now with 90 minutes per candidate, and
// invites one candidate to it; it returns the invite link's path (/invite/{token}), shown once.
// It does nothing and returns "" when the database holds an assessment already.
func (s *Server) Demo(ctx context.Context, problems []string) (string, error) {
	list, err := s.cfg.Store.Assessments(ctx)
	if err != nil || len(list) > 0 {
		return "", err
	}
	now := s.cfg.Now()
	a := &judge.Assessment{Name: "Demo take-home", Problems: problems, Opens: now.Add(-time.Minute), Closes: now.Add(30 * 24 * time.Hour),
		Allowance: 90 * time.Minute, MaxSubmissions: 10, Policy: judge.PolicyTests}
	if err := s.newAssessment(ctx, a); err != nil {
		return "", err
	}
	_, toks, err := s.invite(ctx, a, []invitation{{Name: "Demo candidate", Email: "candidate@example.com"}})
	if err != nil {
		return "", err
	}
	return "/invite/" + toks[0], nil
}
