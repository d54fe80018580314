// Package pgtest starts a throwaway PostgreSQL server for tests: Debian's binaries
// (apt-get install postgresql), a new data directory in a temporary folder, listening on a
// loopback port only, stopped and removed afterwards. PostgreSQL refuses to run as root, so
// when the tests run as root its commands run as the postgres user (runuser). A missing
// installation is an error saying so, never a skip. It runs commands only; it writes no SQL.
package pgtest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Server is a running PostgreSQL server.
type Server struct {
	bin  string // the folder of initdb, pg_ctl, createdb
	dir  string // data, socket and log
	port int
	as   *user.User // run commands as this user (nil: as ourselves)
	n    atomic.Int64
}

// binDir finds the PostgreSQL server binaries: Debian's newest, else initdb on PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi < vj
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i], nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin or initdb on PATH): apt-get install postgresql")
}

// Start initialises a data directory in a new temporary folder and starts a server on a free
// loopback port, with settings ("name=value") beside its own. Stop it with Stop.
func Start(settings ...string) (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "judge-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root, PostgreSQL needs another user and there is no postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.as = u
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(dir, "data")
	if err := s.run("initdb", "-D", data, "-U", "judge", "--auth=trust", "-E", "UTF8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", s.port, dir)
	for _, set := range settings {
		opts += " -c " + set
	}
	if err := s.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "120", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	return s, nil
}

// run runs one of the server's commands, as the postgres user when we are root.
func (s *Server) run(name string, args ...string) error {
	path := filepath.Join(s.bin, name)
	var cmd *exec.Cmd
	if s.as != nil {
		cmd = exec.Command("runuser", append([]string{"-u", s.as.Username, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = s.dir // a folder the postgres user may enter
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, out.String())
	}
	return nil
}

// NewDatabase creates an empty database and returns its URL.
func (s *Server) NewDatabase() (string, error) {
	name := fmt.Sprintf("t%d_%d", time.Now().UnixNano()%1e9, s.n.Add(1))
	if err := s.run("createdb", "-h", "127.0.0.1", "-p", strconv.Itoa(s.port), "-U", "judge", name); err != nil {
		return "", err
	}
	return s.URL(name), nil
}

// URL is the connection URL of database name.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://judge@127.0.0.1:%d/%s?sslmode=disable", s.port, name)
}

// Stop stops the server at once and removes its folder.
func (s *Server) Stop() error {
	err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	if rerr := os.RemoveAll(s.dir); err == nil {
		err = rerr
	}
	return err
}

// Shared is one server started on first use by the tests of a package and stopped by its
// TestMain (Run).
type Shared struct {
	// Settings are the server's settings beside its own (Start).
	Settings []string

	once sync.Once
	srv  *Server
	err  error
}

// Database returns a new empty database on the shared server, starting it the first time; the
// test fails when PostgreSQL cannot be started.
func (s *Shared) Database(t testing.TB) string {
	t.Helper()
	s.once.Do(func() { s.srv, s.err = Start(s.Settings...) })
	if s.err != nil {
		t.Fatalf("PostgreSQL for this test: %v", s.err)
	}
	url, err := s.srv.NewDatabase()
	if err != nil {
		t.Fatalf("PostgreSQL for this test: %v", err)
	}
	return url
}

// Run runs the package's tests and stops the server if they started it: call it from TestMain.
func (s *Shared) Run(m *testing.M) int {
	code := m.Run()
	if s.srv != nil {
		if err := s.srv.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "stop PostgreSQL: %v\n", err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}
