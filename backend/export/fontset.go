package export

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// maxFonts caps how many fonts one PDF embeds.
const maxFonts = 4

// fontSet is the fonts of one PDF and which one draws each character: CJK
// characters prefer the CJK font, everything else the Latin font, and each
// falls back to any font that has the glyph. (CJK fallback fonts such as
// Droid Sans Fallback have no Latin letters at all.)
type fontSet struct {
	fonts []*pdfFont
	latin int // index of the preferred font for non-CJK text
	cjk   int // index of the preferred font for CJK text
	pick  map[rune]int
}

// fontFor returns the index of the font that draws r, or -1 if none can.
func (s *fontSet) fontFor(r rune) int {
	if i, ok := s.pick[r]; ok {
		return i
	}
	order := []int{s.latin, s.cjk}
	if isCJK(r) {
		order = []int{s.cjk, s.latin}
	}
	for i := range s.fonts {
		order = append(order, i)
	}
	i := -1
	for _, j := range order {
		if j >= 0 && s.fonts[j].has(r) {
			i = j
			break
		}
	}
	s.pick[r] = i
	return i
}

// add appends f unless the set already has it, and returns its index.
func (s *fontSet) add(f *pdfFont) int {
	for i, g := range s.fonts {
		if g.path == f.path {
			return i
		}
	}
	s.fonts = append(s.fonts, f)
	clear(s.pick)
	return len(s.fonts) - 1
}

// gaps returns the runes of set that no font draws, ignoring spaces,
// control and invisible characters and runes beyond the Basic
// Multilingual Plane (emoji), which the PDF writer cannot draw anyway.
func (s *fontSet) gaps(runes map[rune]struct{}) []rune {
	var out []rune
	for r := range runes {
		if r <= 0xFFFF && !unicode.IsSpace(r) && !unicode.IsControl(r) && !invisible(r) && s.fontFor(r) < 0 {
			out = append(out, r)
		}
	}
	return out
}

// choose picks the fonts for a document whose distinct characters are
// runes. An explicit font (opts.FontPath, else $STEWARD_PDF_FONT) must load
// and comes first; well-known system fonts fill in: a Latin font for Latin
// text and, when needCJK, a CJK font. The result must draw every ASCII
// character and (nearly) all CJK characters of the document; other
// characters no font has are later drawn as a replacement mark.
func (s fontSearch) choose(opts PDFOptions, runes map[rune]struct{}, needCJK bool) (*fontSet, error) {
	set := &fontSet{latin: -1, cjk: -1, pick: map[rune]int{}}
	explicit := opts.FontPath
	if explicit == "" {
		explicit = strings.TrimSpace(s.getenv(FontEnv))
	}
	if explicit != "" {
		f, err := loadFont(explicit, s.readFile)
		if err != nil {
			return nil, err
		}
		set.latin = set.add(f)
		if coversCJK(f, runes) {
			set.cjk = set.latin
		}
	}
	latin, cjk := fontCandidates(s.goos, s.getenv)
	var problems []string
	// next loads the first usable font in paths that passes ok.
	next := func(paths []string, ok func(*pdfFont) bool) *pdfFont {
		for _, p := range paths {
			if !s.exists(p) || p == explicit {
				continue
			}
			f, err := loadFont(p, s.readFile)
			if err != nil {
				var fe *FontError
				if errors.As(err, &fe) {
					err = fe.Err
				}
				problems = append(problems, fmt.Sprintf("%s: %v", p, err))
				continue
			}
			if ok(f) {
				return f
			}
		}
		return nil
	}
	if set.latin < 0 {
		if f := next(latin, func(*pdfFont) bool { return true }); f != nil {
			set.latin = set.add(f)
		}
	}
	if needCJK && set.cjk < 0 {
		f := next(cjk, func(f *pdfFont) bool { return coversCJK(f, runes) })
		if f == nil {
			if explicit != "" {
				return nil, &FontError{Path: explicit, Err: fmt.Errorf(
					"the font has no glyphs for the Chinese text %q and no system font with them was found",
					sample(runes, isCJK))}
			}
			return nil, noFontError(problems, "no font with Chinese glyphs")
		}
		set.cjk = set.add(f)
	}
	if set.latin < 0 && set.cjk < 0 {
		// No Latin font: a CJK font usually has Latin glyphs too.
		if f := next(cjk, func(*pdfFont) bool { return true }); f != nil {
			set.latin = set.add(f)
		}
	}
	if len(set.fonts) == 0 {
		return nil, noFontError(problems, "")
	}
	// Fill remaining gaps (symbols, other scripts) from the other fonts.
	for _, paths := range [][]string{latin, cjk} {
		for _, p := range paths {
			gaps := set.gaps(runes)
			if len(gaps) == 0 || len(set.fonts) >= maxFonts {
				break
			}
			if !s.exists(p) || p == explicit || set.hasPath(p) {
				continue
			}
			if f, err := loadFont(p, s.readFile); err == nil && hasAny(f, gaps) {
				set.add(f)
			}
		}
	}
	if g := set.gaps(runes); len(g) > 0 {
		ascii := map[rune]struct{}{}
		for _, r := range g {
			if r < 0x80 {
				ascii[r] = struct{}{}
			}
		}
		if len(ascii) > 0 {
			return nil, noFontError(problems, fmt.Sprintf("no font has glyphs for %q (install fonts-dejavu-core)",
				sample(ascii, func(rune) bool { return true })))
		}
	}
	return set, nil
}

// hasPath reports whether the set holds the font at path.
func (s *fontSet) hasPath(path string) bool {
	for _, f := range s.fonts {
		if f.path == path {
			return true
		}
	}
	return false
}

// noFontError wraps ErrNoFont with what went wrong.
func noFontError(problems []string, what string) error {
	var parts []string
	if what != "" {
		parts = append(parts, what)
	}
	if len(problems) > 0 {
		parts = append(parts, "fonts found but unusable: "+strings.Join(problems, "; "))
	}
	if len(parts) == 0 {
		return ErrNoFont
	}
	return fmt.Errorf("%w (%s)", ErrNoFont, strings.Join(parts, "; "))
}

// hasAny reports whether f draws any of rs.
func hasAny(f *pdfFont, rs []rune) bool {
	for _, r := range rs {
		if f.has(r) {
			return true
		}
	}
	return false
}

// coversCJK reports whether f has glyphs for nearly all (90%) of the CJK
// runes in runes, so that a rare missing ideograph does not rule out an
// otherwise good font.
func coversCJK(f *pdfFont, runes map[rune]struct{}) bool {
	total, have := 0, 0
	for r := range runes {
		if isCJK(r) {
			total++
			if f.has(r) {
				have++
			}
		}
	}
	if total == 0 {
		return f.has('中')
	}
	return have > 0 && have*10 >= total*9
}

// sample returns up to eight runes of set that pass keep, in order.
func sample(set map[rune]struct{}, keep func(rune) bool) string {
	var rs []rune
	for r := range set {
		if keep(r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	if len(rs) > 8 {
		rs = rs[:8]
	}
	return string(rs)
}
