package secret

import (
	"strings"
	"testing"
)

// BenchmarkFindShaped measures the key-shaped token search (run when a key
// register is present) on code full of "task-" and "disk-" words.
func BenchmarkFindShaped(b *testing.B) {
	buf := []byte(strings.Repeat("    result = client.chat.completions.create(model=model, messages=messages)  # task-queue disk-usage\n", 1<<13))
	b.SetBytes(int64(len(buf)))
	var out []Match
	for b.Loop() {
		out = FindShaped(buf, true, true, out[:0])
	}
}
