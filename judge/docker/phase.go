package docker

import (
	"context"
	"sync"
)

// Work that must not overlap: tests being timed, and container churn (starts, removals).
const (
	phaseTests = iota
	phaseChurn
)

// phases keeps timed tests and container churn apart: either kind may run many at once, never
// both. Measured on 2 cores, two container lifecycles running next to a judging raised its tests'
// CPU time by 10-17% (kernel work for namespaces, cgroups and mounts), enough to move a verdict
// near the limit. When both kinds wait they take turns, so neither starves: a test waits at most
// for the starts and removals already waiting, churn at most for the tests already running.
type phases struct {
	mu      sync.Mutex
	changed chan struct{}
	active  [2]int
	waiting [2]int
	turn    int // the kind that goes first when both wait
}

func newPhases() *phases { return &phases{changed: make(chan struct{})} }

// enter waits until work of kind k may run, or ctx ends. A nil *phases lets everything overlap.
func (ph *phases) enter(ctx context.Context, k int) error {
	if ph == nil {
		return nil
	}
	ph.mu.Lock()
	defer ph.mu.Unlock()
	other := 1 - k
	ph.waiting[k]++
	defer func() { ph.waiting[k]-- }()
	for ph.active[other] > 0 || (ph.waiting[other] > 0 && ph.turn != k) {
		ch := ph.changed
		ph.mu.Unlock()
		select {
		case <-ch:
			ph.mu.Lock()
		case <-ctx.Done():
			ph.mu.Lock()
			ph.notify()
			return ctx.Err()
		}
	}
	ph.active[k]++
	ph.turn = other
	return nil
}

// leave ends one piece of work of kind k.
func (ph *phases) leave(k int) {
	if ph == nil {
		return
	}
	ph.mu.Lock()
	defer ph.mu.Unlock()
	ph.active[k]--
	ph.notify()
}

func (ph *phases) notify() {
	close(ph.changed)
	ph.changed = make(chan struct{})
}
