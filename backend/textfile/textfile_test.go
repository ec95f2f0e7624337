package textfile

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		tooLong  bool
		out      string
	}{
		{"OK_BOMDropped", "\xef\xbb\xbfa\nb", 0, false, "a\nb"},
		{"ErrInvalidUTF8NamesLine", "a\nb\nc\xff\n", 3, false, ""},
		{"ErrUTF16", "\xff\xfea\x00", 1, false, ""},
		{"ErrTooLarge", strings.Repeat("x", 2049), 0, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Read(strings.NewReader(tt.in), 2048)
			te, isText := As(err)
			switch {
			case tt.out != "":
				if err != nil || string(b) != tt.out {
					t.Fatalf("Read = %q, %v", b, err)
				}
			case !isText || te.Line != tt.line || te.TooLong != tt.tooLong || te.WhyZh == "":
				t.Fatalf("err = %#v", err)
			case tt.tooLong && !strings.Contains(te.Why, "2 KB"):
				t.Fatalf("the limit is not named: %s", te.Why)
			}
		})
	}
}
