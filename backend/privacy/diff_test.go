package privacy

import (
	"reflect"
	"strings"
	"testing"
)

func TestDiffLines(t *testing.T) {
	same, rem, add := DiffSame, DiffRemoved, DiffAdded
	tests := []struct {
		name string
		a, b string
		want []DiffLine
	}{
		{"OK_Identical", "a\nb\n", "a\nb\n", []DiffLine{{same, "a"}, {same, "b"}}},
		{"OK_BothEmpty", "", "", []DiffLine{}},
		{"OK_FromNothing", "", "a\n", []DiffLine{{add, "a"}}},
		{"OK_ToNothing", "a\n", "", []DiffLine{{rem, "a"}}},
		{"OK_OneLineChanged", "a\nb\nc\n", "a\nB\nc\n", []DiffLine{{same, "a"}, {rem, "b"}, {add, "B"}, {same, "c"}}},
		{"OK_Inserted", "a\nc\n", "a\nb\nc\n", []DiffLine{{same, "a"}, {add, "b"}, {same, "c"}}},
		{"OK_Deleted", "a\nb\nc\n", "a\nc", []DiffLine{{same, "a"}, {rem, "b"}, {same, "c"}}},
		{"OK_Moved", "x\na\nb\ny\n", "x\nb\na\ny\n", []DiffLine{{same, "x"}, {rem, "a"}, {same, "b"}, {add, "a"}, {same, "y"}}},
		{"OK_CRLF", "a\r\nb\r\n", "a\nb\n", []DiffLine{{same, "a"}, {same, "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diffLines(tt.a, tt.b); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("diff = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestDiffReplaysBothSides checks on larger input that dropping added lines
// gives back a and dropping removed lines gives back b.
func TestDiffReplaysBothSides(t *testing.T) {
	var a, b strings.Builder
	for i := range 400 {
		line := strings.Repeat("x", i%7) + string(rune('a'+i%26))
		a.WriteString(line + "\n")
		if i%9 != 0 {
			b.WriteString(line + "\n")
		}
		if i%13 == 0 {
			b.WriteString("new\n")
		}
	}
	var gotA, gotB []string
	for _, l := range diffLines(a.String(), b.String()) {
		if l.Op != DiffAdded {
			gotA = append(gotA, l.Text)
		}
		if l.Op != DiffRemoved {
			gotB = append(gotB, l.Text)
		}
	}
	if strings.Join(gotA, "\n")+"\n" != a.String() || strings.Join(gotB, "\n")+"\n" != b.String() {
		t.Fatal("the diff does not replay both sides")
	}
}
