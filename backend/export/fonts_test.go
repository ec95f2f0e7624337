package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	dejavuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	dejavuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
	droidPath  = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
)

// buildSFNT assembles a font file from tables (in the given tag order).
func buildSFNT(tags []string, tables map[string][]byte) []byte {
	n := len(tags)
	var out bytes.Buffer
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr, sfntTrueType)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	pos := uint32(len(hdr))
	var data bytes.Buffer
	for i, tag := range tags {
		t := tables[tag]
		rec := hdr[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], sfntChecksum(t))
		binary.BigEndian.PutUint32(rec[8:], pos+uint32(data.Len()))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		data.Write(t)
		for data.Len()%4 != 0 {
			data.WriteByte(0)
		}
	}
	out.Write(hdr)
	out.Write(data.Bytes())
	return out.Bytes()
}

// buildTTC packs fonts into a collection: the header, every font's table
// directory, then every font's tables.
func buildTTC(t *testing.T, fonts ...[]byte) []byte {
	t.Helper()
	type parsed struct {
		version uint32
		tables  []sfntTable
		src     []byte
	}
	var ps []parsed
	dirs := 12 + 4*len(fonts)
	for _, f := range fonts {
		v, tables, err := readTableDir(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, parsed{v, tables, f})
		dirs += 12 + 16*len(tables)
	}
	out := make([]byte, dirs)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	dir := 12 + 4*len(fonts)
	for i, p := range ps {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(dir))
		binary.BigEndian.PutUint32(out[dir:], p.version)
		binary.BigEndian.PutUint16(out[dir+4:], uint16(len(p.tables)))
		for j, tb := range p.tables {
			rec := out[dir+12+16*j:]
			copy(rec, tb.tag)
			binary.BigEndian.PutUint32(rec[4:], tb.checksum)
			binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
			binary.BigEndian.PutUint32(rec[12:], tb.length)
			out = append(out, p.src[tb.offset:tb.offset+tb.length]...)
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
		}
		dir += 12 + 16*len(p.tables)
	}
	return out
}

// tableMap returns the tables of a font by tag.
func tableMap(t *testing.T, font []byte) map[string][]byte {
	t.Helper()
	_, tables, err := readTableDir(font, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, tb := range tables {
		m[tb.tag] = font[tb.offset : tb.offset+tb.length]
	}
	return m
}

func TestExtractFirstFont(t *testing.T) {
	head := make([]byte, 54)
	copy(head[12:], []byte{0x5F, 0x0F, 0x3C, 0xF5}) // magic number
	synthetic := buildSFNT([]string{"zzzz", "head", "abcd"}, map[string][]byte{
		"head": head, "abcd": []byte("odd"), "zzzz": []byte("four five six"),
	})
	other := buildSFNT([]string{"head", "qqqq"}, map[string][]byte{"head": head, "qqqq": []byte("second font")})
	tests := []struct {
		name  string
		fonts func(t *testing.T) [][]byte
	}{
		{"synthetic", func(*testing.T) [][]byte { return [][]byte{synthetic, other} }},
		{"single", func(*testing.T) [][]byte { return [][]byte{synthetic} }},
		{"dejavu", func(t *testing.T) [][]byte {
			regular, err1 := os.ReadFile(dejavuPath)
			bold, err2 := os.ReadFile(dejavuBold)
			if err1 != nil || err2 != nil {
				t.Skip("DejaVu Sans is not installed")
			}
			return [][]byte{regular, bold}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fonts := tt.fonts(t)
			got, err := extractFirstFont(buildTTC(t, fonts...))
			if err != nil {
				t.Fatal(err)
			}
			if v := binary.BigEndian.Uint32(got); v != sfntTrueType {
				t.Errorf("sfnt version %#x", v)
			}
			want, have := tableMap(t, fonts[0]), tableMap(t, got)
			if len(want) != len(have) {
				t.Fatalf("got %d tables, want %d", len(have), len(want))
			}
			for tag, w := range want {
				h := have[tag]
				if tag == "head" {
					// Only the checksum adjustment may differ.
					w, h = append([]byte(nil), w...), append([]byte(nil), h...)
					copy(w[8:12], make([]byte, 4))
					copy(h[8:12], make([]byte, 4))
				}
				if !bytes.Equal(w, h) {
					t.Errorf("table %q differs", tag)
				}
			}
			if sum := sfntChecksum(got); sum != 0xB1B0AFBA {
				t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", sum)
			}
			if _, err := parseTrueType(got); tt.name == "dejavu" && err != nil {
				t.Errorf("extracted font does not validate: %v", err)
			}
		})
	}
}

func TestExtractFirstFontErrors(t *testing.T) {
	good := buildSFNT([]string{"head"}, map[string][]byte{"head": make([]byte, 54)})
	ttc := buildTTC(t, good)
	bad := append([]byte(nil), ttc...)
	binary.BigEndian.PutUint32(bad[12:], 1<<30) // directory offset past the end
	tests := map[string][]byte{
		"empty":      nil,
		"not a ttc":  good,
		"truncated":  ttc[:20],
		"bad offset": bad,
		"no fonts":   append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"), make([]byte, 8)...),
	}
	for name, data := range tests {
		if _, err := extractFirstFont(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPDFWithCollection renders with a .ttc font given by the environment.
func TestPDFWithCollection(t *testing.T) {
	regular, err1 := os.ReadFile(dejavuPath)
	bold, err2 := os.ReadFile(dejavuBold)
	if err1 != nil || err2 != nil {
		t.Skip("DejaVu Sans is not installed")
	}
	path := filepath.Join(t.TempDir(), "dejavu.ttc")
	if err := os.WriteFile(path, buildTTC(t, regular, bold), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(FontEnv, path)
	var buf bytes.Buffer
	if err := PDF(&buf, englishSample(), PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

// fakeSearch is a font search that only sees the given system fonts.
func fakeSearch(env map[string]string, files map[string]string) fontSearch {
	return fontSearch{
		goos:   "linux",
		getenv: func(k string) string { return env[k] },
		readFile: func(p string) ([]byte, error) {
			if real, ok := files[p]; ok {
				return os.ReadFile(real)
			}
			return os.ReadFile(p)
		},
		exists: func(p string) bool { _, ok := files[p]; return ok },
	}
}

func TestChooseFonts(t *testing.T) {
	for _, p := range []string{dejavuPath, droidPath} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s is not installed", p)
		}
	}
	garbage := filepath.Join(t.TempDir(), "garbage.ttc")
	if err := os.WriteFile(garbage, []byte("ttcf not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	system := map[string]string{dejavuPath: dejavuPath, droidPath: droidPath}
	tests := []struct {
		name    string
		doc     Document
		opts    PDFOptions
		env     map[string]string
		files   map[string]string
		want    []string // font paths, in order
		wantErr []string // substrings of the error
	}{
		{name: "english uses latin font", doc: englishSample(), files: system, want: []string{dejavuPath}},
		{name: "chinese adds cjk font", doc: chineseSample(), files: system, want: []string{dejavuPath, droidPath}},
		{name: "zh lang without chinese text", doc: Document{Lang: "zh-CN", Title: "Hello"}, files: system,
			want: []string{dejavuPath, droidPath}},
		{name: "env font first", doc: chineseSample(), env: map[string]string{FontEnv: droidPath}, files: system,
			want: []string{droidPath, dejavuPath}},
		{name: "option beats env", doc: englishSample(), opts: PDFOptions{FontPath: dejavuPath},
			env: map[string]string{FontEnv: "/nope.ttf"}, want: []string{dejavuPath}},
		{name: "no fonts", doc: englishSample(), wantErr: []string{"fonts-droid-fallback", FontEnv}},
		{name: "chinese without cjk font", doc: chineseSample(), files: map[string]string{dejavuPath: dejavuPath},
			wantErr: []string{"fonts-droid-fallback", "Chinese"}},
		{name: "latin explicit font for chinese, no cjk font", doc: chineseSample(),
			opts: PDFOptions{FontPath: dejavuPath}, wantErr: []string{dejavuPath, "Chinese", "fonts-droid-fallback"}},
		{name: "only a broken font", doc: chineseSample(),
			files:   map[string]string{"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc": garbage},
			wantErr: []string{"wqy-zenhei.ttc", "unsupported font", "fonts-droid-fallback"}},
		{name: "cjk font without latin glyphs", doc: chineseSample(), files: map[string]string{droidPath: droidPath},
			wantErr: []string{"fonts-dejavu-core"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := documentRunes(tt.doc)
			set, err := fakeSearch(tt.env, tt.files).choose(tt.opts, runes,
				isChineseLang(tt.doc.Lang) || documentHasCJK(tt.doc))
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("no error; fonts %v", fontPaths(set))
				}
				if !errors.Is(err, ErrNoFont) {
					t.Errorf("error %v does not match ErrNoFont", err)
				}
				for _, s := range tt.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q lacks %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fontPaths(set); strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("fonts %v, want %v", got, tt.want)
			}
			if g := set.gaps(runes); len(g) > 0 {
				t.Errorf("no font for %q", string(g))
			}
		})
	}
}

func fontPaths(s *fontSet) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, f := range s.fonts {
		out = append(out, f.path)
	}
	return out
}

// TestPDFEnvFontMissing checks that a bad $STEWARD_PDF_FONT is reported,
// not silently replaced.
func TestPDFEnvFontMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.ttf")
	t.Setenv(FontEnv, path)
	err := PDF(io.Discard, englishSample(), PDFOptions{})
	if !errors.Is(err, ErrNoFont) || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), path) {
		t.Fatalf("got %v, want a missing-font error naming %s", err, path)
	}
}
