package leakscan

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"unicode/utf8"

	"steward/backend/secret"
)

// Sizes for reading files: whole up to chunkSize, else in chunks that
// overlap by overlapSize so no key is split unseen.
const (
	chunkSize   = 4 << 20
	overlapSize = 4 << 10
	sniffSize   = 8 << 10 // a NUL byte in this much marks a binary file, scanned for keys only
)

// allowMarker on a line suppresses findings on it.
const allowMarker = "steward:allow"

// hit is a leak inside one file or blob, before it is placed in a folder
// or commit. It holds no secret.
type hit struct {
	rule        string
	line        int
	column      int
	redacted    string
	fingerprint string
	allowed     bool // the line carries steward:allow
}

// streamScanner scans one stream at a time through a reused buffer; each
// worker goroutine owns one.
type streamScanner struct {
	lookup  Lookup // the key register, so a registered key of any shape is found; may be nil
	buf     []byte
	chunk   int // bytes read per round; chunkSize except in tests
	overlap int
	matches []match
}

func newStreamScanner(lookup Lookup) *streamScanner {
	return &streamScanner{lookup: lookup, buf: make([]byte, chunkSize+overlapSize), chunk: chunkSize, overlap: overlapSize}
}

// streamOutcome is what scanning a stream measured.
type streamOutcome struct {
	bytes  int64
	binary bool
	hits   []hit
}

// scan reads r to its end and returns the hits. A stream with a NUL byte
// within sniffSize is binary: a key inside is still ASCII, so it is
// scanned for keys, though not for env assignments. name is the file's
// path, which decides whether the env rule applies.
func (s *streamScanner) scan(ctx context.Context, r io.Reader, name string) (streamOutcome, error) {
	var out streamOutcome
	env := isEnvFile(name)
	buf := s.buf[:s.chunk+s.overlap]
	var pos position
	keep := 0
	for round := 0; ; round++ {
		n, err := io.ReadFull(r, buf[keep:])
		out.bytes += int64(n)
		if round == 0 && bytes.IndexByte(buf[:min(n, sniffSize)], 0) >= 0 {
			out.binary, env = true, false
		}
		final := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !final {
			return out, err
		}
		end := keep + n
		out.hits = s.scanBuffer(buf[:end], &pos, round == 0, final, keep, env, out.hits)
		if final {
			return out, nil
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		shift := end - s.overlap
		pos.advance(buf[:shift])
		copy(buf, buf[shift:end])
		keep = s.overlap
	}
}

// scanBuffer finds the leaks of one round. keep bytes at the front were
// already seen in the previous round: a match is taken only if its anchor
// lies beyond them, so each is reported by exactly one round.
func (s *streamScanner) scanBuffer(buf []byte, pos *position, atStart, final bool, keep int, env bool, hits []hit) []hit {
	ms := findKeys(buf, atStart, final, s.matches[:0])
	if s.lookup != nil {
		ms = findRegistered(buf, atStart, final, s.lookup, ms)
		slices.SortFunc(ms, func(a, b match) int { return a.start - b.start })
	}
	if env {
		keys := len(ms)
		ms = findEnvAssignments(buf, ms[:keys], atStart, final, ms)
		if len(ms) > keys {
			slices.SortFunc(ms, func(a, b match) int { return a.start - b.start })
		}
	}
	s.matches = ms
	pos.resetCount()
	for _, m := range ms {
		if m.anchor < keep {
			continue
		}
		raw := m.key(buf)
		line, col := pos.at(buf, m.start)
		hits = append(hits, hit{
			rule: m.rule, line: line, column: col,
			redacted: secret.Redact(raw), fingerprint: secret.Fingerprint(raw),
			allowed: lineAllows(buf, m.start),
		})
	}
	return hits
}

// lineAllows reports whether the line around offset o carries steward:allow.
func lineAllows(buf []byte, o int) bool {
	ls := bytes.LastIndexByte(buf[:o], '\n') + 1
	le := bytes.IndexByte(buf[o:], '\n')
	if le < 0 {
		le = len(buf)
	} else {
		le += o
	}
	return bytes.Contains(buf[ls:le], []byte(allowMarker))
}

// position turns offsets in the current buffer into line and column,
// remembering what earlier rounds of the same stream held.
type position struct {
	start     int64 // offset in the stream of the buffer's first byte
	lines     int   // newlines before it
	lineStart int64 // offset in the stream where its line begins
	countedTo int   // newlines in buf[:countedTo] are in counted
	counted   int
}

// at returns the 1-based line and column (in characters) of offset o;
// offsets must come in increasing order between resets.
func (p *position) at(buf []byte, o int) (line, col int) {
	p.counted += bytes.Count(buf[p.countedTo:o], []byte{'\n'})
	p.countedTo = o
	if k := bytes.LastIndexByte(buf[:o], '\n'); k >= 0 {
		return p.lines + p.counted + 1, utf8.RuneCount(buf[k+1:o]) + 1
	}
	// The line began in an earlier round; count its bytes gone by as characters.
	return p.lines + p.counted + 1, int(p.start-p.lineStart) + utf8.RuneCount(buf[:o]) + 1
}

func (p *position) resetCount() { p.countedTo, p.counted = 0, 0 }

// advance records that gone, the front of the buffer, is leaving it.
func (p *position) advance(gone []byte) {
	p.lines += bytes.Count(gone, []byte{'\n'})
	if k := bytes.LastIndexByte(gone, '\n'); k >= 0 {
		p.lineStart = p.start + int64(k) + 1
	}
	p.start += int64(len(gone))
	p.resetCount()
}
