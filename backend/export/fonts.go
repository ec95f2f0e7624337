package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FontEnv is the environment variable that names the font file used for PDF
// export when PDFOptions.FontPath is empty.
const FontEnv = "STEWARD_PDF_FONT"

// ErrNoFont reports that no usable font was found for PDF export. Every font
// error returned by PDF matches it with errors.Is.
var ErrNoFont = errors.New("export: no usable font for PDF export: install a TrueType font with Chinese glyphs " +
	"(on Debian/Ubuntu: apt install fonts-droid-fallback) or set " + FontEnv +
	" to the path of a .ttf or .ttc font")

// ErrUnsupportedFont reports a font file that the PDF writer cannot embed:
// not a font at all, or an OpenType font with CFF outlines (.otf).
var ErrUnsupportedFont = errors.New("unsupported font: need TrueType outlines (.ttf or .ttc), " +
	"not CFF/OpenType (.otf)")

// FontError describes why a particular font file could not be used. It
// matches ErrNoFont with errors.Is and unwraps to the underlying cause
// (for example fs.ErrNotExist or ErrUnsupportedFont).
type FontError struct {
	Path string // the font file
	Err  error  // the cause
}

// Error returns a message that names the file, the cause and the remedy.
func (e *FontError) Error() string {
	return fmt.Sprintf("export: cannot use PDF font %q: %v (use a TrueType .ttf/.ttc font with Chinese glyphs, "+
		"e.g. apt install fonts-droid-fallback on Debian/Ubuntu, and set %s or the font path option)",
		e.Path, e.Err, FontEnv)
}

// Unwrap returns the cause.
func (e *FontError) Unwrap() error { return e.Err }

// Is makes every FontError match ErrNoFont.
func (e *FontError) Is(target error) bool { return target == ErrNoFont }

// pdfFont is a validated TrueType font ready to hand to the PDF writer.
type pdfFont struct {
	path string
	ttf  []byte // a standalone sfnt with TrueType outlines
	sf   *sfnt.Font
	buf  sfnt.Buffer
	upem int // font units per em
}

// loadFont reads and validates the font at path. A collection (.ttc)
// contributes its first font.
func loadFont(path string, readFile func(string) ([]byte, error)) (*pdfFont, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, &FontError{Path: path, Err: err}
	}
	ttf, err := parseTrueType(data)
	if err != nil {
		return nil, &FontError{Path: path, Err: err}
	}
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, &FontError{Path: path, Err: fmt.Errorf("%w: %v", ErrUnsupportedFont, err)}
	}
	upem := int(sf.UnitsPerEm())
	if upem <= 0 {
		return nil, &FontError{Path: path, Err: fmt.Errorf("%w: invalid units per em", ErrUnsupportedFont)}
	}
	return &pdfFont{path: path, ttf: ttf, sf: sf, upem: upem}, nil
}

// parseTrueType checks that data is a TrueType font (or a collection whose
// first font is) with the tables the PDF writer needs, and returns the
// standalone font.
func parseTrueType(data []byte) ([]byte, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%w: file too short", ErrUnsupportedFont)
	}
	if binary.BigEndian.Uint32(data) == sfntTTC {
		ttf, err := extractFirstFont(data)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrUnsupportedFont, err)
		}
		data = ttf
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case sfntTrueType, sfntApple:
	case sfntCFF:
		return nil, fmt.Errorf("%w: the font has CFF outlines", ErrUnsupportedFont)
	default:
		return nil, fmt.Errorf("%w: not a font file (signature %#08x)", ErrUnsupportedFont, v)
	}
	_, tables, err := readTableDir(data, 0)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupportedFont, err)
	}
	have := make(map[string]sfntTable, len(tables))
	for _, t := range tables {
		have[t.tag] = t
	}
	// The tables the PDF writer reads to embed a font.
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"} {
		if _, ok := have[tag]; !ok {
			return nil, fmt.Errorf("%w: the font has no %q table", ErrUnsupportedFont, tag)
		}
	}
	if !hasUnicodeCmap4(data, have["cmap"]) {
		return nil, fmt.Errorf("%w: the font has no Unicode BMP character map", ErrUnsupportedFont)
	}
	return data, nil
}

// hasUnicodeCmap4 reports whether the cmap table has a format 4 subtable
// for Unicode, the only kind the PDF writer reads.
func hasUnicodeCmap4(data []byte, cmap sfntTable) bool {
	t := data[cmap.offset : cmap.offset+cmap.length]
	if len(t) < 4 {
		return false
	}
	n := int(binary.BigEndian.Uint16(t[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(t); i++ {
		rec := t[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if (platform == 0 || platform == 3 && encoding == 1) && off+2 <= len(t) &&
			binary.BigEndian.Uint16(t[off:]) == 4 {
			return true
		}
	}
	return false
}

// has reports whether the font has a glyph for r that the PDF writer can
// use (it only reads the Basic Multilingual Plane).
func (f *pdfFont) has(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	gi, err := f.sf.GlyphIndex(&f.buf, r)
	return err == nil && gi != 0
}

// advance is the width of r in thousandths of an em, rounded the way the
// PDF writer rounds its width table.
func (f *pdfFont) advance(r rune) float64 {
	gi, err := f.sf.GlyphIndex(&f.buf, r)
	if err != nil || gi == 0 {
		return 0
	}
	adv, err := f.sf.GlyphAdvance(&f.buf, gi, fixed.I(f.upem), font.HintingNone)
	if err != nil {
		return 0
	}
	return math.Round(float64(adv) / 64 * 1000 / float64(f.upem))
}

// fileExists reports whether path names an existing regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
