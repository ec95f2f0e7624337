// Package applog writes the app's structured log (log/slog, JSON lines) to a
// size-capped file in the data directory. Anything shaped like an API key is
// masked before it is written, as a last line of defence.
package applog

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sync"

	"steward/backend/secret"
)

// FileName is the log's name inside the data directory.
const FileName = "steward.log"

// DefaultMaxBytes caps the log; the previous file is kept as steward.log.1.
const DefaultMaxBytes = 5 << 20

// Log is an open log file and the logger writing to it.
type Log struct {
	*slog.Logger
	file *cappedFile
}

// Open opens (or creates, mode 0600) the log in dir.
func Open(dir string, maxBytes int64) (*Log, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	cf, err := openCapped(filepath.Join(dir, FileName), maxBytes)
	if err != nil {
		return nil, err
	}
	h := slog.NewJSONHandler(cf, &slog.HandlerOptions{Level: slog.LevelInfo, ReplaceAttr: maskSecrets})
	return &Log{Logger: slog.New(h), file: cf}, nil
}

// Discard is a logger that writes nowhere, for tests and the CLI without a data dir.
func Discard() *Log {
	return &Log{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// Path is the log file's path ("" for Discard).
func (l *Log) Path() string {
	if l.file == nil {
		return ""
	}
	return l.file.path
}

// Close closes the file.
func (l *Log) Close() error {
	if l.file == nil {
		return nil
	}
	return l.file.Close()
}

// tokenShape matches Steward member tokens.
var tokenShape = regexp.MustCompile(`(stw_)[A-Za-z0-9_-]{12,}([A-Za-z0-9]{4})`)

// maskSecrets redacts key-shaped substrings of string attributes.
func maskSecrets(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindString {
		a.Value = slog.StringValue(Mask(a.Value.String()))
	}
	return a
}

// Mask replaces API keys (found by the leak scanner's detector, package
// secret) and member tokens in s with a redacted form.
func Mask(s string) string {
	return tokenShape.ReplaceAllString(secret.RedactKeys(s), "$1…$2")
}

// cappedFile is an append-only file that rotates once it passes max bytes.
type cappedFile struct {
	mu   sync.Mutex
	path string
	max  int64
	f    *os.File
	size int64
}

func openCapped(path string, max int64) (*cappedFile, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open log %s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat log %s: %w", path, err)
	}
	return &cappedFile{path: path, max: max, f: f, size: fi.Size()}, nil
}

func (c *cappedFile) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size+int64(len(p)) > c.max && c.size > 0 {
		if err := c.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := c.f.Write(p)
	c.size += int64(n)
	return n, err
}

func (c *cappedFile) rotate() error {
	c.f.Close()
	if err := os.Rename(c.path, c.path+".1"); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("rotate log: %w", err)
	}
	f, err := os.OpenFile(c.path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("rotate log: %w", err)
	}
	c.f, c.size = f, 0
	return nil
}

func (c *cappedFile) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.f.Close()
}
