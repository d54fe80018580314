package judge

import (
	"context"
	"sync"
)

// Each calls fn(ctx, i) for i in [0, n), at most parallel at once, and returns the first error.
// After an error the calls not yet started are skipped and ctx is cancelled for the running ones.
// It is the one bounded fan-out of the judge: batches of judgings (grade, verify, calibration)
// go through it.
func Each(ctx context.Context, n, parallel int, fn func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, max(1, parallel))
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i := 0; i < n; i++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := fn(ctx, i); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	if first == nil {
		// No call failed: ctx can only have been cancelled from outside.
		first = ctx.Err()
	}
	return first
}
