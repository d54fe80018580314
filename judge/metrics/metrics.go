// Package metrics is judge serve's Prometheus instrumentation: the only importer of the
// Prometheus client. It counts judgings by verdict, times them, counts HTTP requests by route and
// status, and reads the queue and the warm pool when scraped. It decides nothing and stores
// nothing; it names net/http only to hand its /metrics handler to judge/server.
package metrics

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/judge-dev/judge/judge"
)

// Metrics holds the collectors of one server.
type Metrics struct {
	reg      *prometheus.Registry
	judgings *prometheus.CounterVec
	judging  prometheus.Histogram
	latency  prometheus.Histogram
	stages   *prometheus.HistogramVec
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// Sources are read at each scrape.
type Sources struct {
	// Queued counts the submissions waiting for a result.
	Queued func(ctx context.Context) (int, error)
	// Pool returns the warm pool's counters (warm, waited, started, recycled, idle); nil without
	// a pool.
	Pool func() map[string]int
}

// New registers the collectors, with Go's and the process's own.
func New(src Sources) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		reg: reg,
		judgings: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "judge_judgings_total",
			Help: "Submissions judged, by overall verdict (failed: the judge could not judge)."}, []string{"verdict"}),
		judging: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "judge_judging_seconds",
			Help: "Time from a worker taking a submission to its result.", Buckets: prometheus.ExponentialBuckets(0.05, 2, 12)}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "judge_submission_latency_seconds",
			Help: "Time from a submission's 202 to its result.", Buckets: prometheus.ExponentialBuckets(0.05, 2, 14)}),
		stages: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "judge_submission_stage_seconds",
			Help:    "Where a submission's time went: queued (202 to a worker taking it), prepare (problem and time limit), judge (the sandbox), record (result and job completion).",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10)}, []string{"stage"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "judge_http_requests_total",
			Help: "HTTP requests by route pattern and status."}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "judge_http_request_seconds",
			Help: "HTTP request durations by route pattern.", Buckets: prometheus.DefBuckets}, []string{"route"}),
	}
	reg.MustRegister(m.judgings, m.judging, m.latency, m.stages, m.requests, m.duration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if src.Queued != nil {
		reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "judge_queue_depth",
			Help: "Submissions waiting for a result."}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			n, err := src.Queued(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		}))
	}
	if src.Pool != nil {
		reg.MustRegister(&poolCollector{read: src.Pool, desc: prometheus.NewDesc("judge_pool",
			"The warm pool: jobs served warm or after a wait, containers started, recycled, idle now.", []string{"counter"}, nil)})
	}
	return m
}

// Judged records a finished judging: its report (nil when the judge failed) and its stages.
func (m *Metrics) Judged(rep *judge.Report, s judge.Stages) {
	v := "failed"
	if rep != nil {
		v = rep.Verdict.String()
	}
	m.judgings.WithLabelValues(v).Inc()
	took := s.Prepare + s.Judge + s.Record
	m.judging.Observe(took.Seconds())
	m.latency.Observe((s.Queued + took).Seconds())
	for _, st := range []struct {
		name string
		d    time.Duration
	}{{"queued", s.Queued}, {"prepare", s.Prepare}, {"judge", s.Judge}, {"record", s.Record}} {
		m.stages.WithLabelValues(st.name).Observe(st.d.Seconds())
	}
}

// Request records one HTTP request.
func (m *Metrics) Request(route string, status int, took time.Duration) {
	if route == "" {
		route = "none"
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(took.Seconds())
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

type poolCollector struct {
	read func() map[string]int
	desc *prometheus.Desc
}

func (c *poolCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *poolCollector) Collect(ch chan<- prometheus.Metric) {
	for k, v := range c.read() {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(v), k)
	}
}
