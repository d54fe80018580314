package server

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Webhook signature: X-Judge-Signature is "sha256=" and the hex HMAC-SHA256, keyed with the
// assessment's webhook secret, of X-Judge-Timestamp (unix seconds), a dot and the body. A
// receiver recomputes it, compares in constant time and refuses old timestamps (replays);
// Idempotency-Key is the same on every retry of one event.
const (
	signatureHeader = "X-Judge-Signature"
	timestampHeader = "X-Judge-Timestamp"
)

// Sign is the signature of a webhook body sent at ts.
func Sign(secret string, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%d.", ts)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Deliverer posts signed webhooks, each bounded by timeout; it is judge/jobs' Deliver. Any
// answer but 2xx is an error, so the delivery is tried again.
func Deliverer(timeout time.Duration, now func() time.Time) func(ctx context.Context, url, secret, key string, body []byte) error {
	client := &http.Client{Timeout: timeout}
	return func(ctx context.Context, url, secret, key string, body []byte) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("webhook: %w", err)
		}
		ts := now().Unix()
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "judge-serve-webhook")
		req.Header.Set("Idempotency-Key", key)
		req.Header.Set(timestampHeader, strconv.FormatInt(ts, 10))
		req.Header.Set(signatureHeader, Sign(secret, ts, body))
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("webhook: %w", err)
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return fmt.Errorf("webhook: %s answered %s", url, resp.Status)
		}
		return nil
	}
}
