// Package cache keeps what the judge measured on this machine (time-limit calibrations) in files
// under the user's cache directory, one JSON file per key. It never holds anything a candidate
// must not see: calibrations are times and test names, never test data.
package cache

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/judge-dev/judge/judge"
)

// Dir is a cache rooted at one directory.
type Dir struct {
	Root string
}

var _ judge.CalibrationCache = Dir{}

// Default is $JUDGE_CACHE_DIR, else <user cache dir>/judge (e.g. ~/.cache/judge).
func Default() (Dir, error) {
	if d := os.Getenv("JUDGE_CACHE_DIR"); d != "" {
		return Dir{Root: d}, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return Dir{}, fmt.Errorf("cache: no cache directory (set JUDGE_CACHE_DIR): %w", err)
	}
	return Dir{Root: filepath.Join(base, "judge")}, nil
}

var keyPattern = regexp.MustCompile(`^[0-9a-f]{8,64}$`)

func (d Dir) path(key string) (string, error) {
	if !keyPattern.MatchString(key) {
		return "", fmt.Errorf("cache: bad key %q", key)
	}
	return filepath.Join(d.Root, "calibration", key+".json"), nil
}

// Load returns the calibration stored under key, or nil when there is none. A file that does
// not parse (a crash mid-write by an older judge, a hand edit) counts as none.
func (d Dir) Load(key string) (*judge.Calibration, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cache: read %s: %w", p, err)
	}
	var c judge.Calibration
	if json.Unmarshal(b, &c) != nil || c.Key != key {
		return nil, nil
	}
	return &c, nil
}

// Store writes the calibration atomically (a temporary file renamed into place), so concurrent
// judges never read half a file.
func (d Dir) Store(c *judge.Calibration) error {
	p, err := d.path(c.Key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("cache: write %s: %w", p, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cache: write %s: %w", p, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
