package pii

import (
	"strings"
	"testing"
)

func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"jane@example.com", "+44 (20) 7123 4567", "4111 1111 1111 1111", "GB29 NWBK 6016 1331 9268 19",
		"536-22-1234", "::ffff:192.0.2.1", "fe80::1%eth0", "(415)555-0132", "a@b.co@c.de", "((((1", "+(1",
		"手机13812345678", "\xff\xfe@x.io", "1.2.3.4.5.6", ":::", "sk-proj-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Detect(text)
		last := 0
		for _, m := range ms {
			if m.Start < last || m.Start >= m.End || m.End > len(text) || m.RuneStart > m.RuneEnd {
				t.Fatalf("bad or overlapping span %+v in %q", m, text)
			}
			last = m.End
			if m.Type != APIKey && m.Text != text[m.Start:m.End] {
				t.Fatalf("Text %q != span %q", m.Text, text[m.Start:m.End])
			}
		}
		red := Redact(text, ms)
		for _, m := range ms {
			if m.Type == Email && strings.Contains(red, m.Text) && !strings.Contains(text[m.End:], m.Text) && !strings.Contains(text[:m.Start], m.Text) {
				t.Fatalf("Redact left email %q in %q", m.Text, red)
			}
		}
		for _, m := range Detect(red) {
			if m.Type == Email {
				t.Fatalf("an email %q is still found after Redact: %q", m.Text, red)
			}
		}
	})
}
