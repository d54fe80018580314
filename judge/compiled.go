package judge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// ValidatorSandbox runs C and C++ validators: it compiles each program once (cached by the hash
// of its sources) and runs the binary, both in Sandbox, which must be the validator image's
// sandbox (a compiler, and an exec-allowed scratch for the binary). A package's C++ is never
// compiled on the host.
type ValidatorSandbox struct {
	Sandbox Sandbox

	mu   sync.Mutex
	bins map[string]*compiled
}

type compiled struct {
	once sync.Once
	bin  []byte
	err  error
	cut  bool // the compile was cancelled with its caller's context
}

// compileLimits bound the compiler: testlib.h at -O2 takes a few CPU seconds and some 300 MiB.
var compileLimits = JobLimits{Time: 60 * time.Second, Wall: 120 * time.Second, MemoryMiB: 1536,
	OutputBytes: 64 << 20, StderrBytes: 16 << 10}

// ProgramDigest identifies a program's sources and language: the cache key of its binary.
func ProgramDigest(p *Program) string {
	h := sha256.New()
	fmt.Fprintf(h, "lang %s\n", p.Lang)
	names := make([]string, 0, len(p.Files))
	for n := range p.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%d %s %d\n", len(n), n, len(p.Files[n]))
		h.Write(p.Files[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Binary returns the program with its binary: compiled now, or taken from the cache. A program
// that does not compile is the package's fault (ErrBadInput), with the compiler's messages.
func (v *ValidatorSandbox) Binary(ctx context.Context, p *Program) (*Program, error) {
	key := ProgramDigest(p)
	for {
		v.mu.Lock()
		if v.bins == nil {
			v.bins = map[string]*compiled{}
		}
		c := v.bins[key]
		if c == nil {
			c = &compiled{}
			v.bins[key] = c
		}
		v.mu.Unlock()
		c.once.Do(func() {
			c.bin, c.err = v.compile(ctx, p)
			c.cut = c.err != nil && ctx.Err() != nil
			if c.err != nil && !errors.Is(c.err, ErrBadInput) {
				// Cut short or the sandbox failed, not a verdict on the sources: the next
				// caller compiles again.
				v.mu.Lock()
				delete(v.bins, key)
				v.mu.Unlock()
			}
		})
		if c.cut && ctx.Err() == nil {
			continue // the caller that compiled was cancelled, not this one
		}
		if c.err != nil {
			return nil, c.err
		}
		q := *p
		q.Binary = c.bin
		return &q, nil
	}
}

func (v *ValidatorSandbox) compile(ctx context.Context, p *Program) ([]byte, error) {
	job := Job{Mode: JobCompile, Filename: p.Entry, Validator: p, Limits: compileLimits, Tests: 1,
		Frames: func(int) [][]byte { return [][]byte{} }} // one test, no frames (nil would end the job)
	var got *Execution
	info, err := v.Sandbox.Run(ctx, job, func(e Execution) bool {
		got = &e
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("compile validator %s: %w", p.Entry, err)
	}
	if info.CompileError != nil {
		return nil, fmt.Errorf("compile validator %s: %s: %w", p.Entry, info.CompileError.Message, ErrBadInput)
	}
	if got == nil {
		return nil, fmt.Errorf("compile validator %s: the sandbox stopped without an answer", p.Entry)
	}
	if got.Status == StatusInternal {
		return nil, fmt.Errorf("compile validator %s: %s", p.Entry, got.Detail)
	}
	if got.Status != StatusOK || len(got.Output) == 0 {
		return nil, fmt.Errorf("validator %s does not compile (%s): %s: %w", p.Entry, got.Detail,
			clipLines(got.Stderr, 20), ErrBadInput)
	}
	return got.Output, nil
}

// clipLines keeps the first n lines of compiler output.
func clipLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}
