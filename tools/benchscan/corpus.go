package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"steward/backend/secret/fakekey"
)

// corpus writes a tree of mixed files with keys and decoys planted.
type corpus struct {
	dir   string
	g     *fakekey.Generator
	r     *rand.Rand
	m     *manifest
	pools map[string][]string // lines of filler per file type
	n     int                 // files written, which picks what to plant
}

// fileType is a kind of small file with its share of the corpus.
type fileType struct {
	ext    string
	weight int
}

// fileTypes are the kinds of small file in the corpus.
func fileTypes() []fileType {
	return []fileType{
		{".py", 14}, {".go", 10}, {".ts", 10}, {".js", 6}, {".json", 14}, {".ipynb", 8}, {".yaml", 7},
		{".md", 8}, {".txt", 3}, {".log", 10}, {".bin", 6}, {".png", 4},
	}
}

// generate writes files small files sharing the corpus size with a few
// large logs, and returns the manifest.
func generate(dir string, seed uint64, files int, totalMB int) (*manifest, error) {
	c := &corpus{dir: dir, g: fakekey.New(seed), m: &manifest{Seed: seed}}
	c.r = c.g.Rand()
	c.pools = fillerPools(c.r)
	bigSizes := []int{104 << 20, 12 << 20, 12 << 20, 12 << 20, 12 << 20, 12 << 20, 12 << 20, 12 << 20, 12 << 20}
	bigTotal := 0
	for _, s := range bigSizes {
		bigTotal += s
	}
	if totalMB<<20 < bigTotal+files*1024 || files < 100 {
		return nil, fmt.Errorf("need at least %d MB for %d files (the large logs take %d MB)", (bigTotal+files*1024)>>20+1, files, bigTotal>>20)
	}
	mean := (totalMB<<20 - bigTotal) / files
	for i := range files - len(bigSizes) {
		size := int(float64(mean) * (0.15 + c.r.ExpFloat64()*0.85))
		size = min(max(size, 200), 40*mean)
		if err := c.smallFile(i, size); err != nil {
			return nil, err
		}
	}
	for i, s := range bigSizes {
		if err := c.bigLog(i, s); err != nil {
			return nil, err
		}
	}
	return c.m, nil
}

// path places file i in a two-level tree of about 100 files per folder.
func (c *corpus) path(i int, name string) string {
	return filepath.Join(c.dir, fmt.Sprintf("pkg%03d", i/5000), fmt.Sprintf("mod%03d", (i/100)%50), name)
}

func (c *corpus) smallFile(i, size int) error {
	ext := c.pickType()
	name := fmt.Sprintf("f%06d%s", i, ext)
	if i%173 == 0 {
		ext, name = ".env", []string{".env", ".env.local", "prod.env", ".env.production"}[i/173%4]
	}
	path := c.path(i, name)
	rel, _ := filepath.Rel(c.dir, path)
	rel = filepath.ToSlash(rel)
	if ext == ".bin" || ext == ".png" {
		return c.writeBinary(path, size)
	}
	var plant []string
	switch {
	case ext == ".env":
		plant = append(plant, c.envLine(i, rel))
	case i%97 == 0:
		plant = append(plant, c.keyLine(ext, rel))
	}
	if i%89 == 0 {
		plant = append(plant, c.decoyLine(rel))
	}
	return c.writeText(path, ext, size, plant)
}

func (c *corpus) pickType() string {
	types := fileTypes()
	total := 0
	for _, t := range types {
		total += t.weight
	}
	n := c.r.IntN(total)
	for _, t := range types {
		if n < t.weight {
			return t.ext
		}
		n -= t.weight
	}
	return ".txt"
}

// writeText writes filler lines of the file's type up to size, with the
// planted lines at random places.
func (c *corpus) writeText(path, ext string, size int, plant []string) error {
	f, w, err := create(path)
	if err != nil {
		return err
	}
	pool := c.pools[ext]
	if pool == nil {
		pool = c.pools[".txt"]
	}
	at := make([]int, len(plant))
	for k := range at {
		at[k] = c.r.IntN(max(size, 1))
	}
	written := 0
	if ext == ".ipynb" {
		written, _ = w.WriteString("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n")
	}
	for written < size || len(plant) > 0 {
		for k := 0; k < len(plant); k++ {
			if written >= at[k] {
				n, _ := w.WriteString(plant[k] + "\n")
				written += n
				plant, at = append(plant[:k], plant[k+1:]...), append(at[:k], at[k+1:]...)
				k--
			}
		}
		n, _ := w.WriteString(pool[c.r.IntN(len(pool))])
		written += n
	}
	if ext == ".ipynb" {
		w.WriteString("    \"print('done')\"\n   ]\n  }\n ]\n}\n")
	}
	return finish(f, w, c.m)
}

func (c *corpus) writeBinary(path string, size int) error {
	f, w, err := create(path)
	if err != nil {
		return err
	}
	buf := make([]byte, size)
	for i := range buf {
		buf[i] = byte(c.r.Uint32())
	}
	buf[min(7, size-1)] = 0
	w.Write(buf)
	return finish(f, w, c.m)
}

// bigLog writes a large log with keys planted across the scanner's 4 MB
// chunk boundaries.
func (c *corpus) bigLog(i, size int) error {
	path := filepath.Join(c.dir, "logs", fmt.Sprintf("service-%02d.log", i))
	rel := fmt.Sprintf("logs/service-%02d.log", i)
	f, w, err := create(path)
	if err != nil {
		return err
	}
	pool := c.pools[".log"]
	written, next := 0, 4<<20-40-c.r.IntN(120)
	for written < size {
		if written >= next {
			key := c.anyKey()
			n, _ := fmt.Fprintf(w, "%s\n", strings.Replace(`2024-05-01T10:00:00Z DEBUG headers={"Authorization": "Bearer {key}"}`, "{key}", key.value, 1))
			c.m.plant(&c.m.Planted, key.value, key.kind, "log-bearer-at-chunk-boundary", rel)
			written += n
			next += 4<<20 - c.r.IntN(200)
		}
		n, _ := w.WriteString(pool[c.r.IntN(len(pool))])
		written += n
	}
	return finish(f, w, c.m)
}

func create(path string) (*os.File, *bufio.Writer, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, bufio.NewWriterSize(f, 256<<10), nil
}

func finish(f *os.File, w *bufio.Writer, m *manifest) error {
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	fi, err := f.Stat()
	if err == nil {
		m.Files++
		m.Bytes += fi.Size()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
