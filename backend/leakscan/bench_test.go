package leakscan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"steward/backend/secret/fakekey"
)

// benchTree writes files text files of about 12 KB (every 50th with a key,
// every 10th a binary) and returns its folder and total size.
func benchTree(b *testing.B, files int) (string, int64) {
	b.Helper()
	g := fakekey.New(71)
	dir := b.TempDir()
	line := "    result = client.chat.completions.create(model=model, messages=messages)  # task-queue disk-usage\n"
	filler := strings.Repeat(line, 12000/len(line))
	var total int64
	for i := range files {
		content := filler
		switch {
		case i%10 == 3:
			content = "\x00\x01binary" + filler
		case i%50 == 0:
			content = filler[:6000] + "key = \"" + g.Project() + "\"\n" + filler[6000:]
		}
		p := filepath.Join(dir, fmt.Sprintf("d%02d", i%40), fmt.Sprintf("f%05d.py", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(content))
	}
	return dir, total
}

// BenchmarkScanTree scans a generated tree of 3,000 files (~36 MB).
func BenchmarkScanTree(b *testing.B) {
	dir, size := benchTree(b, 3000)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		r, err := Scan(context.Background(), Options{Roots: []string{dir}})
		if err != nil || len(r.Findings) != 60 {
			b.Fatalf("findings %d, err %v", len(r.Findings), err)
		}
	}
}

// BenchmarkScanTreeWithRegister is BenchmarkScanTree with a key register,
// so key-shaped tokens without the marker are fingerprinted as well.
func BenchmarkScanTreeWithRegister(b *testing.B) {
	dir, size := benchTree(b, 3000)
	lookup := func(fp string) (string, string, bool) { return "", "", false }
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		r, err := Scan(context.Background(), Options{Roots: []string{dir}, Lookup: lookup})
		if err != nil || len(r.Findings) != 60 {
			b.Fatalf("findings %d, err %v", len(r.Findings), err)
		}
	}
}

// BenchmarkDetect measures the detector on a buffer with no key.
func BenchmarkDetect(b *testing.B) {
	buf := []byte(strings.Repeat("const task = await queue.next(); // disk-usage sk-learn T3Blbk\n", 1<<14))
	b.SetBytes(int64(len(buf)))
	var out []match
	for b.Loop() {
		out = findKeys(buf, true, true, out[:0])
	}
}

// BenchmarkScanCorpus scans the folder named by STEWARD_BENCH_CORPUS, such
// as the corpus scripts/bench-scan.sh generates (run it with KEEP=1), with
// STEWARD_BENCH_WORKERS workers (the number of CPUs by default).
func BenchmarkScanCorpus(b *testing.B) {
	dir := os.Getenv("STEWARD_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set STEWARD_BENCH_CORPUS to a folder to scan")
	}
	workers, _ := strconv.Atoi(os.Getenv("STEWARD_BENCH_WORKERS"))
	var bytes int64
	for b.Loop() {
		r, err := Scan(context.Background(), Options{Roots: []string{dir}, Workers: workers})
		if err != nil {
			b.Fatal(err)
		}
		bytes = r.Stats.Bytes
	}
	b.ReportMetric(float64(bytes)/1e6/(b.Elapsed().Seconds()/float64(b.N)), "MB/s")
}
