package gateway

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeyFromFile(t *testing.T) {
	dir := t.TempDir()
	key := testKey(t)
	path := filepath.Join(dir, "upstream-key")
	write := func(content string, mode os.FileMode) {
		t.Helper()
		os.Remove(path)
		if err := os.WriteFile(path, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil { // past the umask
			t.Fatal(err)
		}
	}
	src := KeyFromFile(path)

	write(key+"\n", 0o600)
	if got, err := src.UpstreamKey(bg); err != nil || got != key {
		t.Fatalf("0600 file: err %v, key matches %v", err, got == key)
	}
	write(key, 0o400)
	if got, err := src.UpstreamKey(bg); err != nil || got != key {
		t.Fatalf("0400 file: err %v", err)
	}

	for _, c := range []struct {
		name    string
		prepare func()
		want    []string
	}{
		{"group-readable", func() { write(key, 0o640) }, []string{path, "0640", "chmod 600 " + path}},
		{"world-readable", func() { write(key, 0o604) }, []string{path, "chmod 600"}},
		{"empty", func() { write("\n", 0o600) }, []string{path, "empty"}},
		{"two lines", func() { write(key+"\n"+key+"\n", 0o600) }, []string{path, "one API key"}},
		{"missing", func() { os.Remove(path) }, []string{path, "cannot be read"}},
		{"a folder", func() { os.Remove(path); os.Mkdir(path, 0o700) }, []string{path, "not a regular file"}},
	} {
		c.prepare()
		_, err := src.UpstreamKey(bg)
		if err == nil {
			t.Fatalf("%s: no error", c.name)
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, err, w)
			}
		}
		if strings.Contains(err.Error(), key) || strings.Contains(err.Error(), key[:12]) {
			t.Errorf("%s: the error shows the key", c.name)
		}
		os.RemoveAll(path)
	}
}
