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
	m.Judged(&judge.Report{Verdict: judge.Accepted}, 300*time.Millisecond, time.Second)
	m.Judged(&judge.Report{Verdict: judge.WrongAnswer}, 300*time.Millisecond, time.Second)
	m.Judged(nil, time.Millisecond, time.Second)
	m.Request("GET /healthz", 200, time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	out := string(b)
	for _, want := range []string{
		`judge_judgings_total{verdict="AC"} 1`, `judge_judgings_total{verdict="WA"} 1`, `judge_judgings_total{verdict="failed"} 1`,
		`judge_judging_seconds_count 3`, `judge_queue_depth 7`, `judge_pool{counter="idle"} 2`,
		`judge_http_requests_total{route="GET /healthz",status="200"} 1`, "go_goroutines",
	} {
		assert.Contains(t, out, want)
	}
}
