package pii

import (
	"strings"
	"testing"
)

// mixedText builds about n bytes of prose with some personal data in it.
func mixedText(n int) string {
	lines := []string{
		"The quarterly report was sent to finance yesterday afternoon, see ticket 4471.\n",
		"Contact jane.doe@example.com or call (415) 555-0132 about invoice 2024-118.\n",
		"Server 10.20.30.40 and 2001:db8::17 answered in 12:34:56 ms; version 1.2.3.\n",
		"Refund to DE89370400440532013000, card 4111 1111 1111 1111, ref 99812734.\n",
		"客户电话13812345678，邮箱 li.lei@example.cn，地址在北京市东城区。\n",
		"Nothing to see here: just words, numbers like 42 and 3.14, and a URL example.org.\n",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(lines[i%len(lines)])
	}
	return b.String()
}

func BenchmarkDetect(b *testing.B) {
	text := mixedText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Detect(text)
	}
}
