package docker

import "time"

// Test hooks for the pool's clock-driven behaviour, so tests need no sleeps.

// SetClock replaces the pool's clock.
func (p *Pool) SetClock(now func() time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.now = now
}

// Recycle runs the max-age sweep now.
func (p *Pool) Recycle() { p.recycle() }

// IdleIDs lists the ready containers of one memory limit, oldest first.
func (p *Pool) IdleIDs(memoryMiB int) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var ids []string
	for _, b := range p.idle[memoryMiB] {
		ids = append(ids, b.id)
	}
	return ids
}

// Owed is how many containers of one memory limit are owed or starting.
func (p *Pool) Owed(memoryMiB int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.want[memoryMiB] + p.starting[memoryMiB]
}
