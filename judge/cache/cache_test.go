package cache_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/cache"
)

func TestStoreAndLoad(t *testing.T) {
	d := cache.Dir{Root: t.TempDir()}
	key := "0123456789abcdef0123456789abcdef"
	got, err := d.Load(key)
	require.NoError(t, err)
	assert.Nil(t, got, "nothing cached yet")

	c := &judge.Calibration{Version: judge.CalibrationVersion, Key: key, Problem: "bfs", Declared: time.Second,
		Effective: 3 * time.Second, Slowest: 968 * time.Millisecond, SlowestTest: "secret/big",
		At: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)}
	require.NoError(t, d.Store(c))
	got, err = d.Load(key)
	require.NoError(t, err)
	assert.Equal(t, c, got)
	left, _ := filepath.Glob(filepath.Join(d.Root, "calibration", ".tmp-*"))
	assert.Empty(t, left, "no temporary file left behind")
}

func TestCorruptFileIsNoCalibration(t *testing.T) {
	d := cache.Dir{Root: t.TempDir()}
	key := "00000000000000000000000000000000"
	require.NoError(t, os.MkdirAll(filepath.Join(d.Root, "calibration"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(d.Root, "calibration", key+".json"), []byte(`{"key": "0000`), 0o644))
	got, err := d.Load(key)
	require.NoError(t, err)
	assert.Nil(t, got)
}

func TestBadKeysNeverReachTheDisk(t *testing.T) {
	d := cache.Dir{Root: t.TempDir()}
	for _, key := range []string{"../../etc/passwd", "", "ABC", "0123/4567"} {
		_, err := d.Load(key)
		assert.Error(t, err, key)
		assert.Error(t, d.Store(&judge.Calibration{Key: key}), key)
	}
}

func TestDefaultFollowsTheEnvironment(t *testing.T) {
	t.Setenv("JUDGE_CACHE_DIR", "/some/where")
	d, err := cache.Default()
	require.NoError(t, err)
	assert.Equal(t, "/some/where", d.Root)
	t.Setenv("JUDGE_CACHE_DIR", "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	d, err = cache.Default()
	require.NoError(t, err)
	assert.Equal(t, "/xdg/judge", d.Root)
}
