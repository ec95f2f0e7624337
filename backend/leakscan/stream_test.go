package leakscan

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// smallScanner reads in tiny chunks, so tests cross many chunk boundaries.
func smallScanner(chunk int) *streamScanner {
	return &streamScanner{buf: make([]byte, chunk+600), chunk: chunk, overlap: 600}
}

// TestChunkedScanFindsKeysAcrossBoundaries plants keys at every offset
// around chunk boundaries: a streamed scan finds each once, at the same
// place a whole-buffer scan does.
func TestChunkedScanFindsKeysAcrossBoundaries(t *testing.T) {
	g := fakekey.New(11)
	var text strings.Builder
	var keys []string
	for i := 0; text.Len() < 40_000; i++ {
		text.WriteString(strings.Repeat("filler ", 3+i%97))
		if i%5 == 0 {
			text.WriteString("\n")
		}
		k := []string{g.Project(), g.Legacy(), g.Admin(), g.ServiceAccount()}[i%4]
		keys = append(keys, k)
		text.WriteString(`"\n` + k + `\n"` + "\n")
	}
	whole := scanText(t, "big.log", text.String())
	if len(whole) != len(keys) {
		t.Fatalf("whole scan found %d keys, want %d", len(whole), len(keys))
	}
	for _, chunk := range []int{64, 599, 700, 1021, 4096} {
		out, err := smallScanner(chunk).scan(context.Background(), strings.NewReader(text.String()), "big.log")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(out.hits, whole) {
			t.Errorf("chunk %d: %d hits differ from the whole scan's %d", chunk, len(out.hits), len(whole))
		}
	}
}

// TestLargeFileIsStreamed scans a file several chunks long with keys
// straddling the real chunk boundary, without reading it whole.
func TestLargeFileIsStreamed(t *testing.T) {
	g := fakekey.New(12)
	var data bytes.Buffer
	filler := []byte(strings.Repeat("lorem ipsum dolor sit amet\n", 1000))
	var keys []string
	for round := 1; round <= 3; round++ {
		boundary := round * chunkSize
		for data.Len() < boundary-100-round*37 {
			n := min(len(filler), boundary-100-round*37-data.Len())
			data.Write(filler[:n])
		}
		k := g.Project()
		keys = append(keys, k)
		data.WriteString("\n " + k + "\n")
	}
	r := &countingReader{r: bytes.NewReader(data.Bytes())}
	out, err := newStreamScanner(nil).scan(context.Background(), r, "huge.log")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.hits) != len(keys) {
		t.Fatalf("found %d keys, want %d: %s", len(out.hits), len(keys), describeHits(out.hits))
	}
	for i, h := range out.hits {
		at := bytes.Index(data.Bytes(), []byte(keys[i]))
		line := bytes.Count(data.Bytes()[:at], []byte("\n")) + 1
		if h.fingerprint != secret.Fingerprint(keys[i]) || h.line != line || h.column != 2 {
			t.Errorf("hit %d = %s at %d:%d, want %s at %d:2", i, h.redacted, h.line, h.column, secret.Redact(keys[i]), line)
		}
	}
	if r.maxRead > chunkSize+overlapSize {
		t.Errorf("read %d bytes at once", r.maxRead)
	}
}

type countingReader struct {
	r       io.Reader
	maxRead int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.maxRead = max(c.maxRead, len(p))
	return c.r.Read(p)
}

// TestBinaryIsScannedForKeys: a NUL byte at the start marks a binary file,
// and the key inside it is found all the same (it is ASCII in a binary).
func TestBinaryIsScannedForKeys(t *testing.T) {
	g := fakekey.New(13)
	key := g.Legacy()
	out, err := newStreamScanner(nil).scan(context.Background(), strings.NewReader("\x89PNG\x00\x01"+key+"\x00"), "x.png")
	if err != nil || !out.binary || len(out.hits) != 1 || out.hits[0].fingerprint != secret.Fingerprint(key) {
		t.Fatalf("binary = %v, hits = %s, err = %v", out.binary, describeHits(out.hits), err)
	}
}

// TestCancelledStreamKeepsWhatItFound stops between chunks.
func TestCancelledStreamKeepsWhatItFound(t *testing.T) {
	g := fakekey.New(14)
	ctx, cancel := context.WithCancel(context.Background())
	text := g.Legacy() + "\n" + strings.Repeat("x", 5000)
	r := &cancellingReader{r: strings.NewReader(text), cancel: cancel}
	out, err := smallScanner(1000).scan(ctx, r, "a.txt")
	if !errors.Is(err, context.Canceled) || len(out.hits) != 1 {
		t.Fatalf("err = %v, hits = %s; want cancelled with the first key", err, describeHits(out.hits))
	}
}

type cancellingReader struct {
	r      io.Reader
	cancel func()
}

func (c *cancellingReader) Read(p []byte) (int, error) {
	c.cancel()
	return c.r.Read(p)
}

// FuzzDetect feeds arbitrary bytes to the detector: it must not panic,
// every match must lie inside the input and never show the key unredacted,
// and a chunked scan must find what a whole scan finds.
func FuzzDetect(f *testing.F) {
	g := fakekey.New(99)
	for _, r := range Rules() {
		for _, tmpl := range append(slices.Clone(r.TruePositives), r.FalsePositives...) {
			f.Add([]byte(g.Expand(tmpl, keyOfKind(g, r.Kind))))
		}
	}
	f.Add([]byte("\\u0022sk-proj-" + g.Body(74) + fakekey.Marker + g.Body(74) + "\\\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		keys := findKeys(data, true, true, nil)
		all := findEnvAssignments(data, keys, true, true, slices.Clone(keys))
		for _, m := range all {
			if m.start < 0 || m.start > m.end || m.end > len(data) || m.anchor < m.end {
				t.Fatalf("match %+v outside input of %d bytes", m, len(data))
			}
			raw := string(data[m.start:m.end])
			if secret.Redact(raw) == raw {
				t.Fatalf("redacted form equals the match")
			}
		}
		whole, err := newStreamScanner(nil).scan(context.Background(), bytes.NewReader(data), "f.txt")
		if err != nil {
			t.Fatal(err)
		}
		chunked, err := smallScanner(97).scan(context.Background(), bytes.NewReader(data), "f.txt")
		if err != nil {
			t.Fatal(err)
		}
		if !whole.binary && !slices.Equal(whole.hits, chunked.hits) {
			t.Fatalf("chunked scan %s differs from whole scan %s", describeHits(chunked.hits), describeHits(whole.hits))
		}
	})
}
