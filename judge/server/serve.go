package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// ShutdownGrace is how long a stopping server lets requests in flight finish.
const ShutdownGrace = 15 * time.Second

// Serve listens on addr and serves until ctx is done, then stops taking connections and lets
// the requests in flight finish (up to ShutdownGrace). It measures the time limits of the open
// assessments' problems in the background meanwhile. listening, when set, hears the address
// bound (addr may ask for port 0).
func (s *Server) Serve(ctx context.Context, addr string, listening func(addr string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	s.bg = ctx
	// Background work stops with the server, before what it uses (the pool) is closed.
	defer s.prep.Wait()
	if err := s.prepareOpen(ctx); err != nil {
		ln.Close()
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// No write timeout: a sample run waits for the judge (its own deadline bounds it).
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	if listening != nil {
		listening(ln.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ShutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
