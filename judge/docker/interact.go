package docker

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/mount"
	"github.com/docker/docker/api/types/volume"
	"github.com/google/uuid"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/harness"
)

var (
	_ judge.Interactor = (*Sandbox)(nil)
	_ judge.Interactor = (*Pool)(nil)
)

// cold is what Interact needs of the validator's sandbox: one that starts containers on this
// engine (a Pool's warm containers have no link mounted, so interactions start their own).
type cold interface{ coldSandbox() *Sandbox }

func (s *Sandbox) coldSandbox() *Sandbox { return s }
func (p *Pool) coldSandbox() *Sandbox    { return p.sb }

// Interact runs the tests of an interactive problem in cold containers of the pool's kind.
func (p *Pool) Interact(ctx context.Context, job judge.Job, val judge.Sandbox, vjob judge.Job, each func(judge.Exchange) bool) (judge.RunInfo, error) {
	return p.sb.Interact(ctx, job, val, vjob, each)
}

// linkOptions make the folder of an interaction's pipes: a small tmpfs owned by the sandbox
// user, mounted read-write in the validator's container (its harness makes the pipes) and
// read-only in the submission's (it can open them, neither make nor replace them). It holds
// only named pipes, whose data lives in the kernel's pipe buffers, not in the tmpfs.
func linkOptions(tests int) map[string]string {
	return map[string]string{
		"type":   "tmpfs",
		"device": "tmpfs",
		"o":      fmt.Sprintf("size=64k,nr_inodes=%d,uid=65534,gid=65534,mode=0700,nosuid,nodev,noexec", 2*tests+16),
	}
}

// Interact runs job (a stdio submission) in this sandbox and vjob (its interactive validator)
// in val, each in a new container of its own; the two share only a volume of named pipes, one
// pair per test, which their harnesses open as the test's standard input and output
// (docs/harness-protocol.md, "Interactive problems"). The validator's frames for test i are
// written only after the submission's result for test i-1 is in, so the two harnesses take
// the tests in step and a submission that outlives its test's interaction cannot meet the
// validator of the next one. Both containers and the volume are removed before it returns.
func (s *Sandbox) Interact(ctx context.Context, job judge.Job, val judge.Sandbox, vjob judge.Job, each func(judge.Exchange) bool) (info judge.RunInfo, err error) {
	c, ok := val.(cold)
	if !ok {
		return info, fmt.Errorf("sandbox: an interactive validator needs a Docker sandbox, not %T", val)
	}
	vs := c.coldSandbox()
	if job.Tests != vjob.Tests {
		return info, fmt.Errorf("sandbox: interaction of %d submission tests with %d validator tests", job.Tests, vjob.Tests)
	}
	job.Interactive, vjob.Interactive = true, true

	name := "judge-link-" + uuid.NewString()
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	_, err = s.client.VolumeCreate(cctx, volume.CreateOptions{Name: name, Driver: "local", DriverOpts: linkOptions(job.Tests),
		Labels: map[string]string{labelManaged: "1", labelOwner: owner()}})
	cancel()
	if err != nil {
		_ = s.removeVolume(ctx, name)
		return info, s.unavailable("create the interaction's volume", err)
	}
	defer func() {
		if rerr := s.removeVolume(ctx, name); rerr != nil && err == nil {
			err = fmt.Errorf("sandbox: remove volume %s: %v", name, rerr)
		}
	}()
	link := func(ro bool) mount.Mount {
		return mount.Mount{Type: mount.TypeVolume, Source: name, Target: harness.LinkDir, ReadOnly: ro,
			VolumeOptions: &mount.VolumeOptions{NoCopy: true}}
	}

	// Both containers start at once: an interaction waits for the slower of the two anyway.
	var vb, sb *box
	var verr, serr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		vb, verr = vs.launch(ctx, vjob.Limits.MemoryMiB, link(false))
	}()
	sb, serr = s.launch(ctx, job.Limits.MemoryMiB, link(true))
	wg.Wait()
	if vb != nil {
		defer func() {
			if rerr := vs.remove(ctx, vb.id); rerr != nil && err == nil {
				err = fmt.Errorf("sandbox: remove container %s: %v", vb.name, rerr)
			}
		}()
	}
	if sb != nil {
		defer func() {
			if rerr := s.remove(ctx, sb.id); rerr != nil && err == nil {
				err = fmt.Errorf("sandbox: remove container %s: %v", sb.name, rerr)
			}
		}()
	}
	switch {
	case verr != nil:
		if sb != nil {
			sb.hj.Close()
		}
		return info, fmt.Errorf("interactive validator: %w", verr)
	case serr != nil:
		vb.hj.Close()
		return info, serr
	}

	x := newExchanges(job.Tests, each)
	pairCtx, stopPair := context.WithCancel(ctx)
	defer stopPair()
	x.stop = stopPair
	vctx, vcancel := context.WithCancel(pairCtx)
	defer vcancel()
	frames := vjob.Frames
	vjob.Frames = func(i int) [][]byte {
		if i > 0 {
			select {
			case <-x.subDone[i-1]:
			case <-vctx.Done():
			}
		}
		return frames(i)
	}

	// The validator's side runs beside; if it ends before its last test (it failed, or its
	// sandbox did), the submission's side has no one to talk to and is stopped too.
	var v struct {
		info  judge.RunInfo
		err   error
		early bool // it ended on its own before its last test
	}
	vfinished := make(chan struct{})
	go func() {
		defer close(vfinished)
		v.info, v.err = vs.serve(vctx, vb, vjob, x.val)
		if v.info.Completed < vjob.Tests && vctx.Err() == nil {
			v.early = true
			stopPair()
		}
	}()
	info, err = s.serve(pairCtx, sb, job, x.sub)
	info.Image = s.imageID

	// The submission's side is over: the validator finishes the tests the submission reported
	// (its last one may still be reading the end of the interaction), then it is stopped.
	deadline := time.NewTimer(vjob.Limits.Wall + vs.Startup)
	defer deadline.Stop()
wait:
	for {
		if x.valReported() >= info.Completed {
			vcancel()
			<-vfinished
			break
		}
		select {
		case <-vfinished:
			break wait
		case <-x.progress:
		case <-deadline.C:
			vcancel()
			<-vfinished
			break wait
		}
	}
	switch {
	case ctx.Err() != nil:
		return info, fmt.Errorf("sandbox: %w", ctx.Err())
	case x.stopped():
		// The caller stopped the pair: a side cut short by it did not fail.
		if errors.Is(err, context.Canceled) {
			err = nil
		}
		return info, err
	case v.info.CompileError != nil:
		return info, fmt.Errorf("interactive validator %s does not compile: %s", vjob.Filename, v.info.CompileError.Message)
	case v.early:
		why := "its harness ended"
		switch {
		case v.err != nil:
			why = v.err.Error()
		case v.info.Killed != "":
			why = "its sandbox was stopped (" + string(v.info.Killed) + ")"
		}
		return info, fmt.Errorf("interactive validator: it stopped after %d of %d tests: %s", v.info.Completed, vjob.Tests, why)
	}
	if missing := x.unpaired(); missing >= 0 {
		return info, fmt.Errorf("interactive validator: no result for test %d", missing)
	}
	return info, err
}

// exchanges pairs the two sides' results of each test and hands them on in order.
type exchanges struct {
	each    func(judge.Exchange) bool
	subDone []chan struct{} // closed when the submission's result of test i is in
	stop    func()

	mu       sync.Mutex
	subs     map[int]judge.Execution
	vals     map[int]judge.Execution
	next     int  // the next test to hand on
	valCount int  // validator results received
	halted   bool // each asked to stop
	progress chan struct{}
}

func newExchanges(tests int, each func(judge.Exchange) bool) *exchanges {
	x := &exchanges{each: each, subDone: make([]chan struct{}, tests), subs: map[int]judge.Execution{},
		vals: map[int]judge.Execution{}, progress: make(chan struct{}, 1)}
	for i := range x.subDone {
		x.subDone[i] = make(chan struct{})
	}
	return x
}

func (x *exchanges) sub(e judge.Execution) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e.Test < 0 || e.Test >= len(x.subDone) || x.halted {
		return false
	}
	x.subs[e.Test] = e
	close(x.subDone[e.Test])
	return x.emit()
}

func (x *exchanges) val(e judge.Execution) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e.Test < 0 || e.Test >= len(x.subDone) || x.halted {
		return false
	}
	x.vals[e.Test] = e
	x.valCount++
	select {
	case x.progress <- struct{}{}:
	default:
	}
	return x.emit()
}

// emit hands on every test both sides have reported, in order; false once each said stop.
func (x *exchanges) emit() bool {
	for !x.halted {
		s, ok := x.subs[x.next]
		v, ok2 := x.vals[x.next]
		if !ok || !ok2 {
			return true
		}
		delete(x.subs, x.next)
		delete(x.vals, x.next)
		x.next++
		if !x.each(judge.Exchange{Sub: s, Val: v}) {
			x.halted = true
			x.stop()
		}
	}
	return false
}

func (x *exchanges) stopped() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.halted
}

// valReported is how many tests the validator has reported.
func (x *exchanges) valReported() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.valCount
}

// unpaired is the first test the submission reported and the validator did not, or -1.
func (x *exchanges) unpaired() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	for i := x.next; i < len(x.subDone); i++ {
		if _, ok := x.subs[i]; ok {
			return i
		}
	}
	return -1
}

// removeVolume removes an interaction's volume, even after ctx was cancelled; one already gone
// is not an error.
func (s *Sandbox) removeVolume(ctx context.Context, name string) error {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	err := s.client.VolumeRemove(rctx, name, true)
	if err != nil && !cerrdefs.IsNotFound(err) {
		return err
	}
	return nil
}

// sweepVolumes removes the interaction volumes of judges that no longer run (their containers
// are gone first: Sweep). It returns how many it removed.
func sweepVolumes(ctx context.Context, c apiClient) (int, error) {
	list, err := c.VolumeList(ctx, volume.ListOptions{Filters: filters.NewArgs(filters.Arg("label", labelManaged+"=1"))})
	if err != nil {
		return 0, fmt.Errorf("sweep: list volumes: %w", err)
	}
	removed := 0
	for _, v := range list.Volumes {
		if alive(v.Labels[labelOwner]) {
			continue
		}
		err := c.VolumeRemove(ctx, v.Name, true)
		switch {
		case err == nil:
			removed++
		case cerrdefs.IsNotFound(err), strings.Contains(err.Error(), "in use"):
			// Swept by another judge, or still mounted by a container another sweep is removing.
		default:
			return removed, fmt.Errorf("sweep: remove volume %s: %w", v.Name, err)
		}
	}
	return removed, nil
}
