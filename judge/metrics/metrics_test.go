package metrics_test

import (
	"context"
	"io"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/metrics"
)

func TestMetricsExposition(t *testing.T) {
	m := metrics.New(metrics.Sources{
		Queued: func(context.Context) (int, error) { return 7, nil },
		Pool:   func() map[string]int { return map[string]int{"idle": 2} },
	})
	s := judge.Stages{Queued: 700 * time.Millisecond, Prepare: 50 * time.Millisecond, Judge: 200 * time.Millisecond, Record: 50 * time.Millisecond}
	m.Judged(&judge.Report{Verdict: judge.Accepted}, s)
	m.Judged(&judge.Report{Verdict: judge.WrongAnswer}, s)
	m.Judged(nil, judge.Stages{Queued: time.Second})
	m.Request("GET /healthz", 200, time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	out := string(b)
	for _, want := range []string{
		`judge_judgings_total{verdict="AC"} 1`, `judge_judgings_total{verdict="WA"} 1`, `judge_judgings_total{verdict="failed"} 1`,
		`judge_judging_seconds_count 3`, `judge_judging_seconds_sum 0.6`, `judge_submission_latency_seconds_sum 3`,
		`judge_submission_stage_seconds_sum{stage="queued"} 2.4`, `judge_submission_stage_seconds_sum{stage="judge"} 0.4`,
		`judge_submission_stage_seconds_count{stage="record"} 3`, `judge_queue_depth 7`, `judge_pool{counter="idle"} 2`,
		`judge_http_requests_total{route="GET /healthz",status="200"} 1`, "go_goroutines",
	} {
		assert.Contains(t, out, want)
	}
}
