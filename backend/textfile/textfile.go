// Package textfile reads the text files users import (checklist exports,
// privacy answers, leak-scan baselines, PII cases) the same way everywhere:
// a UTF-8 byte order mark is accepted and dropped, UTF-16 and invalid
// UTF-8 are refused naming the line, and a file over its size limit is
// refused naming the limit.
package textfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Error is why a file cannot be read as text, in English and Chinese;
// Line is the 1-based line it concerns, 0 for the whole file.
type Error struct {
	Line    int
	Why     string
	WhyZh   string
	TooLong bool // the file is over its size limit
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Why)
	}
	return e.Why
}

// Read reads all of r, at most limit bytes, as UTF-8 text without a BOM.
func Read(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, &Error{TooLong: true,
			Why:   fmt.Sprintf("the file is larger than %s, the limit for this import", Size(limit)),
			WhyZh: fmt.Sprintf("文件超过此类导入的上限 %s", Size(limit))}
	}
	return Check(b)
}

// Check drops a UTF-8 BOM from b and refuses UTF-16 or invalid UTF-8.
func Check(b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return nil, &Error{Line: 1, Why: "the file is UTF-16 text; save it as UTF-8 and import it again",
			WhyZh: "文件是 UTF-16 编码的文本；请另存为 UTF-8 后重新导入"}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if line, ok := ValidUTF8(b); !ok {
		return nil, &Error{Line: line, Why: "the text is not valid UTF-8; save the file as UTF-8 and import it again",
			WhyZh: "文本不是有效的 UTF-8；请将文件另存为 UTF-8 后重新导入"}
	}
	return b, nil
}

// ValidUTF8 reports whether b is UTF-8 and, if not, the 1-based line of
// the first byte that is not.
func ValidUTF8(b []byte) (int, bool) {
	if utf8.Valid(b) {
		return 0, true
	}
	off := 0
	for off < len(b) {
		r, size := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return bytes.Count(b[:off], []byte("\n")) + 1, false
}

// LineAt is the 1-based line of byte offset off in b.
func LineAt(b []byte, off int64) int {
	off = min(max(off, 0), int64(len(b)))
	return bytes.Count(b[:off], []byte("\n")) + 1
}

// FieldTooLong is the error for a field over its limit on a line.
func FieldTooLong(line int, field string, size, limit int) *Error {
	return &Error{Line: line,
		Why:   fmt.Sprintf("%s is %s, over the limit of %s", field, Size(int64(size)), Size(int64(limit))),
		WhyZh: fmt.Sprintf("%s 为 %s，超过上限 %s", field, Size(int64(size)), Size(int64(limit)))}
}

// Size shows a byte count as people read it: "64 MB", "16 KB", "512 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// As returns err's *Error, if it has one.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
