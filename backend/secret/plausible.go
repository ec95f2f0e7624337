package secret

import (
	"bytes"
	"math"
)

// placeholderWords, in the cases people write them, mark a made-up key.
// They are long enough that a random key holds one with negligible odds.
func placeholderWords() [][]byte {
	return [][]byte{
		[]byte("EXAMPLE"), []byte("example"), []byte("Example"), []byte("REDACTED"), []byte("redacted"),
		[]byte("PLACEHOLDER"), []byte("placeholder"), []byte("YOURKEY"), []byte("yourkey"),
		[]byte("YOUR_KEY"), []byte("your_key"), []byte("YOUR-KEY"), []byte("your-key"),
	}
}

// plausible tells random-looking key characters from a made-up key: enough
// entropy, no long run of one character or of the alphabet, no placeholder
// word. Random keys fail these with negligible odds.
func plausible(parts ...[]byte) bool {
	var counts [256]int
	n := 0
	for _, p := range parts {
		if maxRepeat(p) >= 6 || maxAscending(p) >= 6 {
			return false
		}
		for _, w := range placeholderWords() {
			if bytes.Contains(p, w) {
				return false
			}
		}
		for _, c := range p {
			counts[c]++
		}
		n += len(p)
	}
	return entropy(counts[:], n) >= 3.5
}

// entropy is the Shannon entropy in bits per character of n characters.
func entropy(counts []int, n int) float64 {
	if n == 0 {
		return 0
	}
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / float64(n)
			h -= p * math.Log2(p)
		}
	}
	return h
}

// maxRepeat is the longest run of one character in p.
func maxRepeat(p []byte) int { return longestRun(p, 0) }

// maxAscending is the longest run like "abcdef" or "12345" in p.
func maxAscending(p []byte) int { return longestRun(p, 1) }

// longestRun is the longest run of p where each byte is the previous plus step.
func longestRun(p []byte, step int) int {
	if len(p) == 0 {
		return 0
	}
	best, cur := 1, 1
	for i := 1; i < len(p); i++ {
		if int(p[i]) == int(p[i-1])+step {
			cur++
			best = max(best, cur)
		} else {
			cur = 1
		}
	}
	return best
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isKeyByte reports whether c may appear in the body of a newer key.
func isKeyByte(c byte) bool { return isAlnum(c) || c == '_' || c == '-' }

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func allAlnum(p []byte) bool {
	for _, c := range p {
		if !isAlnum(c) {
			return false
		}
	}
	return true
}

// LooksMadeUp reports a long run of one character or of the alphabet
// ("xxxxxx", "abcdef"), which a random key holds with negligible odds.
func LooksMadeUp(p []byte) bool { return maxRepeat(p) >= 6 || maxAscending(p) >= 6 }
