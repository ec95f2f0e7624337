package pgtest

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a private PostgreSQL server in a temporary folder.
type Server struct {
	base     string // temporary folder: data/, the socket, the log
	port     int
	user     string // the superuser the tests connect as
	password string
	owner    *account // who runs the server; nil: this process's user
	lock     *os.File // the folder's owner lock (see sweep)

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
	dbs  atomic.Int64
}

// start creates the cluster and starts the server.
func start() (*Server, error) {
	sweep()
	base, err := os.MkdirTemp(tempRoot(), "steward-pgtest-")
	if err != nil {
		return nil, err
	}
	s := &Server{base: base, user: "steward", password: randomHex(12)}
	if s.lock, err = lockOwner(base); err != nil {
		os.RemoveAll(base)
		return nil, err
	}
	if s.owner, err = serverAccount(); err != nil {
		os.RemoveAll(base)
		return nil, err
	}
	if err := s.initdb(); err != nil {
		os.RemoveAll(base)
		return nil, err
	}
	if s.port, err = freePort(); err != nil {
		os.RemoveAll(base)
		return nil, err
	}
	if err := s.Start(); err != nil {
		os.RemoveAll(base)
		return nil, err
	}
	return s, nil
}

// initdb creates the cluster: the tests' superuser with a random password
// over TCP (scram), trust on the private socket.
func (s *Server) initdb() error {
	pwfile := filepath.Join(s.base, "pwfile")
	if err := os.WriteFile(pwfile, []byte(s.password+"\n"), 0o600); err != nil {
		return err
	}
	if err := s.owner.own(s.base, pwfile); err != nil {
		return err
	}
	out, err := s.command("initdb", "-D", s.dataDir(), "-U", s.user, "--pwfile", pwfile,
		"--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput()
	os.Remove(pwfile)
	if err != nil {
		return fmt.Errorf("initdb: %w\n%s", err, out)
	}
	return nil
}

// Start starts the server (again, after Stop) on its port and waits until
// it accepts connections.
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return nil
	}
	logf, err := os.OpenFile(filepath.Join(s.base, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := s.command("postgres", "-D", s.dataDir(), "-k", s.base, "-p", strconv.Itoa(s.port),
		"-c", "listen_addresses=127.0.0.1", "-F", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=64MB")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	s.cmd, s.done = cmd, done
	if err := s.waitReady(done); err != nil {
		s.stopLocked()
		return err
	}
	return nil
}

// waitReady polls until the server answers, it exits, or a minute passes.
func (s *Server) waitReady(done <-chan struct{}) error {
	deadline := time.Now().Add(time.Minute)
	for {
		conn, err := pgx.Connect(background(), s.dbURL("postgres"))
		if err == nil {
			conn.Close(background())
			return nil
		}
		select {
		case <-done:
			log, _ := os.ReadFile(filepath.Join(s.base, "postgres.log"))
			return fmt.Errorf("postgres exited at start:\n%s", log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres not ready after a minute: %w", err)
		}
	}
}

// Stop shuts the server down (fast shutdown: open connections are cut),
// keeping its data for Start.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked()
}

func (s *Server) stopLocked() error {
	if s.cmd == nil {
		return nil
	}
	cmd, done := s.cmd, s.done
	s.cmd, s.done = nil, nil
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-done:
		return nil
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		return errors.New("postgres did not stop within 30 s; killed")
	}
}

// Close stops the server and removes its folder.
func (s *Server) Close() error {
	err := s.Stop()
	err = errors.Join(err, os.RemoveAll(s.base))
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// URL creates a fresh, empty database and returns its URL.
func (s *Server) URL(t testing.TB) string {
	t.Helper()
	u, err := s.CreateDatabase(fmt.Sprintf("t%d_%s", s.dbs.Add(1), randomHex(4)))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return u
}

// CreateDatabase creates an empty database called name (letters, digits
// and underscores) and returns its URL.
func (s *Server) CreateDatabase(name string) (string, error) {
	conn, err := pgx.Connect(background(), s.dbURL("postgres"))
	if err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(background())
	if _, err := conn.Exec(background(), "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return s.dbURL(name), nil
}

// Port is the server's TCP port on 127.0.0.1.
func (s *Server) Port() int { return s.port }

// dbURL is the URL of database name as the tests' superuser.
func (s *Server) dbURL(name string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(s.user, s.password),
		Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)), Path: "/" + name, RawQuery: "sslmode=disable"}
	return u.String()
}

func (s *Server) dataDir() string { return filepath.Join(s.base, "data") }

// command runs one of the server's binaries as the server's account.
func (s *Server) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(binDir(), name), args...)
	cmd.Dir = s.base
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	cmd.SysProcAttr = s.owner.procAttr()
	return cmd
}

// tempRoot is where server folders go: the system's temporary folder, and
// /tmp when running as root (a root-only $TMPDIR would shut the postgres
// user out).
func tempRoot() string {
	if os.Geteuid() == 0 {
		if fi, err := os.Stat("/tmp"); err == nil && fi.IsDir() {
			return "/tmp"
		}
	}
	return os.TempDir()
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
