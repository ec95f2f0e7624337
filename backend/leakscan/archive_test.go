package leakscan

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// zipOf is a zip archive holding files.
func zipOf(t testing.TB, files map[string]string) string {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range sortedNames(files) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// tarOf is a tar archive holding files, gzipped if gz.
func tarOf(t testing.TB, files map[string]string, gz bool) string {
	t.Helper()
	var b bytes.Buffer
	var w = &b
	var zw *gzip.Writer
	tw := tar.NewWriter(w)
	if gz {
		zw = gzip.NewWriter(w)
		tw = tar.NewWriter(zw)
	}
	for _, name := range sortedNames(files) {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(files[name])), Typeflag: tar.TypeReg})
		tw.Write([]byte(files[name]))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if zw != nil {
		zw.Close()
	}
	return b.String()
}

func sortedNames(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestArchivesAreOpenedOneLevelDeep: a key inside a zip, jar, apk, docx,
// xlsx, tar or tar.gz is found and named archive!path/inside; an archive
// inside an archive and an unreadable archive are listed as skipped.
func TestArchivesAreOpenedOneLevelDeep(t *testing.T) {
	g := fakekey.New(71)
	dir := t.TempDir()
	inner := map[string]string{"assets/config.json": `{"k":"` + g.Project() + `"}`, "README": "nothing\n"}
	files := map[string]string{}
	for _, name := range []string{"app.zip", "lib.jar", "app.apk", "report.docx", "sheet.xlsx"} {
		files[name] = zipOf(t, inner)
	}
	files["src.tar"] = tarOf(t, inner, false)
	files["src.tar.gz"] = tarOf(t, inner, true)
	files["bundle.zip"] = zipOf(t, map[string]string{"nested.zip": zipOf(t, inner)})
	files["broken.zip"] = "PK\x03\x04 not really a zip " + g.Legacy()
	writeFiles(t, dir, files)

	r := scanDir(t, dir, Options{})
	got := findingsSummary(r.Findings)
	for _, name := range []string{"app.zip", "lib.jar", "app.apk", "report.docx", "sheet.xlsx", "src.tar", "src.tar.gz"} {
		want := "openai-project-key " + name + "!assets/config.json:1:7"
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %q", want, got)
		}
	}
	if !slices.Contains(got, "openai-legacy-key broken.zip:1:23") {
		t.Errorf("the key in the unreadable archive was not found: %q", got)
	}
	skipped := map[string]string{}
	for _, s := range r.Skipped {
		skipped[s.File] = s.Reason
	}
	if !strings.Contains(skipped["bundle.zip!nested.zip"], "one level deep") ||
		!strings.Contains(skipped["broken.zip"], "not a readable archive") {
		t.Errorf("skipped = %v", skipped)
	}
}

// TestLargeSparseFileIsScanned: a sparse file (all NUL bytes but a key far
// inside) is read in chunks and the key found; with --max-file-size below
// its size it is listed as skipped with the cap, never passed over silently.
func TestLargeSparseFileIsScanned(t *testing.T) {
	g := fakekey.New(72)
	dir := t.TempDir()
	key := g.Project()
	p := filepath.Join(dir, "disk.img")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	const at, size = 150 << 20, 200 << 20
	if _, err := f.WriteAt([]byte(key), at); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := scanDir(t, dir, Options{})
	if len(r.Findings) != 1 || r.Findings[0].Fingerprint != secret.Fingerprint(key) || r.Stats.Files != 1 || r.Stats.Bytes != size {
		t.Fatalf("findings = %q, stats = %+v", findingsSummary(r.Findings), r.Stats)
	}
	r = scanDir(t, dir, Options{MaxFileSize: 100 << 20})
	if len(r.Findings) != 0 || len(r.Skipped) != 1 || r.Skipped[0].File != "disk.img" ||
		!strings.Contains(r.Skipped[0].Reason, "--max-file-size") {
		t.Fatalf("with a cap: findings %q, skipped %+v", findingsSummary(r.Findings), r.Skipped)
	}
}

// TestRegisteredKeyOfAnyShape: a registered key without the marker (sk-proj-
// and 48 random characters) is found and named as that member's key; the
// same shape unregistered is not reported.
func TestRegisteredKeyOfAnyShape(t *testing.T) {
	g := fakekey.New(73)
	key, other := "sk-proj-"+g.Alnum(48), "sk-proj-"+g.Alnum(48)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"app.py":   "client = OpenAI(api_key=\"" + key + "\")\n",
		"log.json": `{"m":"line1\n` + strings.ReplaceAll(key, "-", `\u002d`) + `"}`,
		"other.py": "KEY = '" + other + "'\n",
	})
	lookup := func(fp string) (string, string, bool) { return "Ana", "prod", fp == secret.Fingerprint(key) }
	r := scanDir(t, dir, Options{Lookup: lookup})
	got := findingsSummary(r.Findings)
	want := []string{"openai-project-key app.py:1:26", "openai-project-key log.json:1:14"}
	if !slices.Equal(got, want) {
		t.Fatalf("findings = %q, want %q", got, want)
	}
	for _, f := range r.Findings {
		if f.Member != "Ana" || f.Severity != SeverityCritical || f.Fingerprint != secret.Fingerprint(key) {
			t.Errorf("finding = %+v", f)
		}
	}
}

// FuzzArchive feeds any bytes to the archive readers (zip, tar, tar.gz):
// they never panic, and whatever they cannot read is listed as skipped or
// returned as an error for the caller to list.
func FuzzArchive(f *testing.F) {
	g := fakekey.New(74)
	f.Add([]byte(zipOf(f, map[string]string{"a.txt": g.Project()})))
	f.Add([]byte(tarOf(f, map[string]string{"a/b.txt": g.Legacy()}, false)))
	f.Add([]byte(tarOf(f, map[string]string{"x.zip": "PK"}, true)))
	f.Add([]byte("PK\x03\x04"))
	s := newStreamScanner(nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		c := &collector{maxFileSize: 1 << 20}
		j := fileJob{root: "/r", rel: "a.zip"}
		zerr := scanZip(ctx, s, bytes.NewReader(data), int64(len(data)), j, c)
		terr := scanTar(ctx, s, bytes.NewReader(data), j, c)
		if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
			scanTar(ctx, s, zr, j, c)
		}
		for _, sk := range c.skipped {
			if sk.Reason == "" || !strings.HasPrefix(sk.File, "a.zip!") {
				t.Fatalf("skipped %+v", sk)
			}
		}
		_, _ = zerr, terr
	})
}
