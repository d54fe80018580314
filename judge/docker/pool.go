package docker

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/harness"
)

// DefaultMaxAge is how long a warm container may wait for a job before it is replaced.
const DefaultMaxAge = 5 * time.Minute

// ErrPoolClosed is returned by Run after Close.
var ErrPoolClosed = errors.New("sandbox pool: closed")

// PoolOptions size a Pool. Zero values take the defaults.
type PoolOptions struct {
	// Size is how many idle containers are kept warm for each memory limit in use (default: the
	// number of cores).
	Size int
	// MaxAge recycles an idle container that waited this long (default DefaultMaxAge): it is
	// removed, and replaced if its memory limit was asked for within MaxAge.
	MaxAge time.Duration
	// Starters bounds the warm-ups that run at once to refill the pool (default: the number of
	// cores). A job that finds no warm container always gets a start of its own at once.
	Starters int
	// TakeTurns keeps container starts and removals from ever running while a test is being
	// timed: the two take turns, test by test. Under full load the tests' CPU times then stay
	// closer to idle ones, at a cost in throughput: a job waiting for a container waits for the
	// tests running elsewhere (judge verify took a third longer). make bench measures both.
	TakeTurns bool
}

// PoolStats counts what a pool did.
type PoolStats struct {
	Warm     int // jobs served by a container that was ready when they arrived
	Waited   int // jobs that had to wait for a container to start
	Started  int // containers warmed up
	Recycled int // idle containers removed for age or because they had died
	Idle     int // containers ready now
	// Reused counts validate jobs served by a container of their validator's session, one
	// that had served an earlier job of that validator.
	Reused int
}

// SessionJobs is how many jobs a validator session's container serves at most before it is
// removed: a bound on whatever a job could leave that the harness's clean-up between jobs does
// not reach.
const SessionJobs = 64

// Pool is a Sandbox whose containers are started ahead of time: each is created, attached and
// started with the same hardened settings as Sandbox's, its harness has said hello, and it waits
// for one request. A job takes one, is fed to it, and the container is removed in the background
// as soon as the job's reports end; a replacement starts in the background. A container never
// serves two submissions.
//
// Validator sessions are the one exception, for output validators only (docs/harness-protocol.md,
// "Validator sessions"; SECURITY.md): a validate job's container may serve later validate jobs
// with the same validator, arguments and limits (harness.SessionKey), one at a time, up to
// SessionJobs, while it waits no longer than MaxAge between them. Each job runs in its own
// process of the harness, which kills everything the job left, empties the scratch and only
// then echoes the job's nonce: a submission's container still never serves two jobs, and a
// validator never sees a submission's container.
//
// A container's memory limit depends on the job (harness overhead + the problem's memory), so
// warm containers are kept per memory limit; every problem shipped uses the same limit, and the
// alternative (one size for all, set with ContainerUpdate when a job takes it) costs 10-40 ms on
// the critical path.
//
// A container start next to a judging raised its tests' CPU time by 10-20% on 2 cores, so
// refills do not begin while a job runs tests unless its memory limit has no warm container left
// (then waiting would cost the next job a whole start): on a lightly loaded judge no container
// starts next to a timed test. Under full load starts are the work itself, as they are for cold
// containers; TakeTurns trades throughput for steadier times there.
type Pool struct {
	sb       *Sandbox
	size     int
	maxAge   time.Duration
	starters int
	now      func() time.Time

	ctx    context.Context // the pool's own work (warm-ups); cancelled by Close
	cancel context.CancelFunc
	// bg counts everything Close must wait for: jobs in flight, warm-ups, removals, the refiller.
	bg   sync.WaitGroup
	wake chan struct{} // (capacity 1) tells the refiller to look again
	// phases keeps container starts and removals from running next to timed tests.
	phases *phases

	mu        sync.Mutex
	changed   chan struct{}     // closed and replaced whenever a container is ready or a start fails
	idle      map[int][]*box    // by memory limit, oldest first
	sessions  map[string][]*box // validator sessions' idle containers, by session key
	finishing map[string]int    // session containers whose job has ended but not yet said done
	want      map[int]int       // replacements owed, by memory limit
	starting  map[int]int
	waiting   map[int]int       // jobs waiting for a container, by memory limit
	failed    map[int]int       // failed starts, by memory limit
	used      map[int]time.Time // last time a job or Fill asked for that memory limit
	active    int               // jobs between taking a container and the end of their reports
	closed    bool
	lastErr   error // the last failed start
	removeErr error // the last failed removal, which Close reports
	stats     PoolStats
}

var _ judge.Sandbox = (*Pool)(nil)

// NewPool returns a pool of warm containers made the way sb makes them (image, runtime, start-up
// allowance). It starts nothing until Fill or the first job; Close drains it.
func NewPool(sb *Sandbox, opt PoolOptions) *Pool {
	if opt.Size <= 0 {
		opt.Size = runtime.NumCPU()
	}
	if opt.MaxAge <= 0 {
		opt.MaxAge = DefaultMaxAge
	}
	if opt.Starters <= 0 {
		opt.Starters = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pool{
		sb: sb, size: opt.Size, maxAge: opt.MaxAge, starters: opt.Starters, now: time.Now,
		ctx: ctx, cancel: cancel, wake: make(chan struct{}, 1), changed: make(chan struct{}),
		idle: map[int][]*box{}, sessions: map[string][]*box{}, finishing: map[string]int{}, want: map[int]int{}, starting: map[int]int{}, waiting: map[int]int{},
		failed: map[int]int{}, used: map[int]time.Time{},
	}
	if opt.TakeTurns {
		p.phases = newPhases()
	}
	p.bg.Add(1)
	go p.refill()
	return p
}

// Size is the number of warm containers kept per memory limit.
func (p *Pool) Size() int { return p.size }

// Run runs one job in a warm container, or waits for one to start. The container is killed if
// the job stops early and removed in the background; Close waits for every removal. A validate
// job joins its validator's session instead, when one has a container idle (Pool).
func (p *Pool) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	if key, ok := harness.SessionKey(job); ok {
		return p.runSession(ctx, key, job, each)
	}
	b, err := p.checkout(ctx, job.Limits.MemoryMiB)
	if err != nil {
		return judge.RunInfo{}, err
	}
	defer p.release(b)
	job, each, untimed := p.timed(ctx, job, each)
	defer untimed()
	info, err := p.sb.serve(ctx, b, job, each)
	info.Image = p.sb.imageID
	return info, err
}

// runSession runs a validate job in an idle container of its validator's session, or in a warm
// one that then joins the session if the job ends cleanly. It returns at the job's end, when its
// results are all in: the harness's clean-up after the job, up to its done, goes on in the
// background (the container is finishing), and the session's next job waits for it.
func (p *Pool) runSession(ctx context.Context, key string, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	b := p.takeSession(ctx, key)
	if b == nil {
		var err error
		if b, err = p.checkout(ctx, job.Limits.MemoryMiB); err != nil {
			return judge.RunInfo{}, err
		}
	}
	job, each, untimed := p.timed(ctx, job, each)
	// The caller's cancellation stops the job until its end; after it, only the job's own wall
	// budget bounds the wait for done (serveJob kills the container then).
	jobCtx, cancelJob := context.WithCancel(context.WithoutCancel(ctx))
	stopCancel := context.AfterFunc(ctx, cancelJob)
	type outcome struct {
		info judge.RunInfo
		err  error
	}
	out := make(chan outcome, 1) // at the job's end, or when serveJob returns without one
	go func() {
		finishing := false
		info, reusable, err := p.sb.serveJob(jobCtx, b, job, uuid.NewString(), each, func(info judge.RunInfo) {
			stopCancel()
			p.mu.Lock()
			p.finishing[key]++
			p.mu.Unlock()
			finishing = true
			out <- outcome{info, nil}
		})
		stopCancel()
		cancelJob()
		untimed()
		p.releaseSession(b, key, reusable && err == nil, finishing)
		if !finishing { // (after the end, what went wrong costs the session its container only)
			out <- outcome{info, err}
		}
	}()
	o := <-out
	o.info.Image = p.sb.imageID
	return o.info, o.err
}

// takeSession checks out the session's most recently used idle container, if one is alive and
// waited less than MaxAge; nil if none. While none is idle but one is finishing its job, it waits
// for that one: the next job of a session finds it as it would have without the background
// finish.
func (p *Pool) takeSession(ctx context.Context, key string) *box {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		if p.closed {
			return nil
		}
		l := p.fresh(p.sessions[key])
		if len(l) > 0 {
			b := l[len(l)-1]
			p.sessions[key] = l[:len(l)-1]
			p.bg.Add(1) // released by releaseSession
			p.active++
			p.stats.Reused++
			return b
		}
		delete(p.sessions, key)
		if p.finishing[key] == 0 || p.await(ctx) != nil {
			return nil
		}
	}
}

// releaseSession ends a session's job: its container waits for the session's next job if the
// job ended cleanly and the container may serve more, else it is removed. finishing: the job
// had ended (runSession) and was counted among the session's finishing containers.
func (p *Pool) releaseSession(b *box, key string, reusable, finishing bool) {
	p.mu.Lock()
	b.jobs++
	keep := reusable && !p.closed && b.jobs < SessionJobs && len(p.sessions[key]) < 2*p.size
	if keep {
		b.born = p.now()
		p.sessions[key] = append(p.sessions[key], b)
	}
	if finishing {
		if p.finishing[key]--; p.finishing[key] == 0 {
			delete(p.finishing, key)
		}
		p.notify()
	}
	p.active--
	p.mu.Unlock()
	if !keep {
		p.removeLater(b)
	}
	p.poke()
	p.bg.Done()
}

// timed keeps container churn away from each test of the job: the tests phase is entered
// before a test's frames are written (the harness runs a test as soon as it has read them) and
// left when its result arrives, so churn waits at most one test. untimed releases what is left.
func (p *Pool) timed(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.Job, func(judge.Execution) bool, func()) {
	if p.phases == nil {
		return job, each, func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var mu sync.Mutex
	held, finished := 0, false
	frames := job.Frames
	job.Frames = func(i int) [][]byte {
		if p.phases.enter(ctx, phaseTests) == nil {
			mu.Lock()
			if finished {
				p.phases.leave(phaseTests)
			} else {
				held++
			}
			mu.Unlock()
		}
		return frames(i)
	}
	timedEach := func(e judge.Execution) bool {
		mu.Lock()
		if held > 0 {
			held--
			p.phases.leave(phaseTests)
		}
		mu.Unlock()
		return each(e)
	}
	untimed := func() {
		cancel()
		mu.Lock()
		defer mu.Unlock()
		finished = true
		for ; held > 0; held-- {
			p.phases.leave(phaseTests)
		}
	}
	return job, timedEach, untimed
}

// Fill asks for Size warm containers for jobs of each of those memory limits (a problem's, a
// validator's, in MiB), all at once, and waits until they are ready: the first jobs then wait
// for nothing. Call it before submitting jobs: while jobs keep taking containers the pool may
// never be full.
func (p *Pool) Fill(ctx context.Context, memoryMiB ...int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrPoolClosed
	}
	fails := map[int]int{}
	for _, m := range memoryMiB {
		p.used[m] = p.now()
		if n := p.size - len(p.idle[m]) - p.starting[m]; n > p.want[m] {
			p.want[m] = n
		}
		fails[m] = p.failed[m]
	}
	p.poke()
	for _, m := range memoryMiB {
		for len(p.idle[m]) < p.size {
			if p.closed {
				return ErrPoolClosed
			}
			if p.failed[m] > fails[m] {
				return fmt.Errorf("sandbox pool: fill: %w", p.lastErr)
			}
			if err := p.await(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// Stats returns what the pool did so far.
func (p *Pool) Stats() PoolStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.stats
	for _, l := range p.idle {
		s.Idle += len(l)
	}
	return s
}

// Close stops refilling, waits for jobs in flight, and removes every container the pool made.
func (p *Pool) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	var idle []*box
	for _, l := range p.idle {
		idle = append(idle, l...)
	}
	for _, l := range p.sessions {
		idle = append(idle, l...)
	}
	p.idle, p.sessions = map[int][]*box{}, map[string][]*box{}
	p.notify()
	p.mu.Unlock()
	// Warm-ups in progress are abandoned: launch removes what it made.
	p.cancel()
	for _, b := range idle {
		p.removeLater(b)
	}
	p.bg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.removeErr
}

// checkout takes the oldest ready container for that memory limit, or waits for one: a start is
// begun at once for each waiting job. Either way a replacement is owed.
func (p *Pool) checkout(ctx context.Context, mem int) (*box, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrPoolClosed
	}
	p.bg.Add(1) // released by release, or below on failure
	p.active++
	p.used[mem] = p.now()
	p.want[mem]++
	defer p.poke()
	if b := p.take(mem); b != nil {
		p.stats.Warm++
		return b, nil
	}
	p.waiting[mem]++
	defer func() { p.waiting[mem]-- }()
	fails := p.failed[mem]
	for {
		p.poke()
		err := p.await(ctx)
		if b := p.take(mem); b != nil {
			p.stats.Waited++
			return b, nil
		}
		if err == nil && p.closed {
			err = ErrPoolClosed
		}
		if err == nil && p.failed[mem] > fails {
			err = p.lastErr
		}
		if err != nil {
			p.active--
			p.bg.Done()
			return nil, err
		}
	}
}

// take pops the oldest idle container that is alive and young enough; the others go. p.mu held.
func (p *Pool) take(mem int) *box {
	for len(p.idle[mem]) > 0 {
		b := p.idle[mem][0]
		p.idle[mem] = p.idle[mem][1:]
		if b.alive() && p.now().Sub(b.born) < p.maxAge {
			return b
		}
		p.stats.Recycled++
		p.want[mem]++
		p.removeLater(b)
	}
	return nil
}

// await waits, with p.mu held, until a container is ready, a start failed, the pool closed or
// ctx ended.
func (p *Pool) await(ctx context.Context) error {
	ch := p.changed
	p.mu.Unlock()
	defer p.mu.Lock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("sandbox pool: %w", ctx.Err())
	}
}

// release ends a job: its container is removed in the background and deferred refills may go.
func (p *Pool) release(b *box) {
	p.removeLater(b)
	p.mu.Lock()
	p.active--
	p.mu.Unlock()
	p.poke()
	p.bg.Done()
}

// removeLater force-removes a container off the critical path.
func (p *Pool) removeLater(b *box) {
	p.bg.Add(1)
	go func() {
		defer p.bg.Done()
		b.hj.Close()
		_ = p.phases.enter(context.Background(), phaseChurn)
		defer p.phases.leave(phaseChurn)
		if err := p.sb.remove(context.Background(), b.id); err != nil {
			p.mu.Lock()
			p.removeErr = fmt.Errorf("sandbox pool: remove container %s: %v", b.name, err)
			p.mu.Unlock()
		}
	}()
}

// notify wakes everything waiting for a change. p.mu held.
func (p *Pool) notify() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// poke tells the refiller to look again.
func (p *Pool) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// refill starts containers as they are owed, and recycles old idle ones.
func (p *Pool) refill() {
	defer p.bg.Done()
	tick := time.NewTicker(max(p.maxAge/4, time.Second))
	defer tick.Stop()
	for {
		for _, mem := range p.due() {
			p.bg.Add(1)
			go p.warm(mem)
		}
		select {
		case <-p.ctx.Done():
			return
		case <-p.wake:
		case <-tick.C:
			p.recycle()
		}
	}
}

// due decides which starts to begin now, and counts them as starting.
func (p *Pool) due() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	keys := make([]int, 0, len(p.want)+len(p.waiting))
	total := 0
	for _, n := range p.starting {
		total += n
	}
	for mem := range p.want {
		keys = append(keys, mem)
	}
	for mem := range p.waiting {
		if !slices.Contains(keys, mem) {
			keys = append(keys, mem)
		}
	}
	slices.Sort(keys)
	var starts []int
	for _, mem := range keys {
		// A waiting job gets a start of its own at once, whatever else is going on.
		for p.starting[mem] < p.waiting[mem] {
			p.starting[mem]++
			total++
			starts = append(starts, mem)
		}
		for p.want[mem] > 0 {
			spare := len(p.idle[mem]) + p.starting[mem] - p.waiting[mem]
			if spare >= p.size {
				p.want[mem] = 0
				break
			}
			// Not urgent while a warm one is left: keep starts away from tests being timed.
			if total >= p.starters || (p.active > 0 && len(p.idle[mem]) > 0) {
				break
			}
			p.want[mem]--
			p.starting[mem]++
			total++
			starts = append(starts, mem)
		}
	}
	return starts
}

// warm starts one container and makes it ready.
func (p *Pool) warm(mem int) {
	defer p.bg.Done()
	b, err := p.launch(mem)
	p.mu.Lock()
	defer p.mu.Unlock()
	defer p.poke()
	p.starting[mem]--
	p.notify()
	switch {
	case err != nil:
		p.failed[mem]++
		if p.ctx.Err() == nil {
			p.lastErr = err
		}
	case p.closed:
		p.removeLater(b)
	default:
		b.born = p.now()
		p.stats.Started++
		p.idle[mem] = append(p.idle[mem], b)
	}
}

// launch starts a container when no test is being timed.
func (p *Pool) launch(mem int) (*box, error) {
	if err := p.phases.enter(p.ctx, phaseChurn); err != nil {
		return nil, fmt.Errorf("sandbox pool: %w", err)
	}
	defer p.phases.leave(phaseChurn)
	return p.sb.launch(p.ctx, mem)
}

// recycle removes idle containers that waited MaxAge or died, and replaces them when their
// memory limit is still in use.
func (p *Pool) recycle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	for mem, l := range p.idle {
		keep := p.fresh(l)
		if gone := len(l) - len(keep); gone > 0 && now.Sub(p.used[mem]) < p.maxAge {
			p.want[mem] += gone
		}
		p.idle[mem] = keep
	}
	for key, l := range p.sessions {
		if keep := p.fresh(l); len(keep) > 0 {
			p.sessions[key] = keep
		} else {
			delete(p.sessions, key)
		}
	}
	p.poke()
}

// fresh keeps the idle containers of l that are alive and have waited less than MaxAge, and
// removes the others. p.mu held.
func (p *Pool) fresh(l []*box) []*box {
	now := p.now()
	keep := l[:0:0]
	for _, b := range l {
		if b.alive() && now.Sub(b.born) < p.maxAge {
			keep = append(keep, b)
			continue
		}
		p.stats.Recycled++
		p.removeLater(b)
	}
	return keep
}
