package applog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLogIsCappedAndPrivate(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, 2000)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		l.Info("event", "n", i, "detail", strings.Repeat("x", 50))
	}
	l.Close()
	fi, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil || fi.Size() > 2000 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("log: %v size=%d mode=%v", err, fi.Size(), fi.Mode().Perm())
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+".1")); err != nil {
		t.Fatalf("no rotated file: %v", err)
	}
}

func TestSecretsMasked(t *testing.T) {
	dir := t.TempDir()
	l, _ := Open(dir, 0)
	secret := "sk-proj-" + strings.Repeat("Ab3", 20) + "wxyz"
	l.Info("verify failed", "error", "bad key "+secret)
	l.Close()
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if strings.Contains(string(b), secret) {
		t.Fatal("the full key reached the log")
	}
	if !strings.Contains(string(b), "sk-proj-…wxyz") {
		t.Fatalf("no redacted form in %s", b)
	}
}
