package usage

import (
	"testing"
)

// FuzzParseRange feeds ParseRange what people might type: it must never
// panic, and a range it accepts must run forwards.
func FuzzParseRange(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"2026-01-01", "2026-01-31"}, {"2026-03-10T08:00:00+08:00", ""},
		{"9999-12-31", ""}, {"0000-01-01", "0001-01-01"}, {"2026-02-30", ""}, {"yesterday", "now"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, since, until string) {
		from, to, err := ParseRange(since, until, testNow)
		if err == nil && !from.Before(to) {
			t.Fatalf("ParseRange(%q, %q) = %v – %v", since, until, from, to)
		}
	})
}
