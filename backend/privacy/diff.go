package privacy

import "strings"

// Diff operations.
const (
	DiffSame    = "same"
	DiffRemoved = "removed"
	DiffAdded   = "added"
)

// maxDiffCells bounds the comparison table; beyond it the changed middle is
// shown as wholly removed and added rather than aligned line by line.
const maxDiffCells = 4 << 20

// DiffLine is one line of a comparison: kept, removed from the older version
// or added in the newer one.
type DiffLine struct {
	Op   string `json:"op"` // same, removed or added
	Text string `json:"text"`
}

// Compare returns a line diff of two saved drafts' Markdown, from a to b.
func Compare(a, b SavedDraft) []DiffLine {
	return diffLines(a.Markdown, b.Markdown)
}

// diffLines aligns the lines of a and b by their longest common subsequence.
func diffLines(a, b string) []DiffLine {
	x, y := splitLines(a), splitLines(b)
	out := []DiffLine{}
	// Common head and tail need no table.
	head := 0
	for head < len(x) && head < len(y) && x[head] == y[head] {
		head++
	}
	tail := 0
	for tail < len(x)-head && tail < len(y)-head && x[len(x)-1-tail] == y[len(y)-1-tail] {
		tail++
	}
	for _, l := range x[:head] {
		out = append(out, DiffLine{DiffSame, l})
	}
	out = append(out, lcsDiff(x[head:len(x)-tail], y[head:len(y)-tail])...)
	for _, l := range x[len(x)-tail:] {
		out = append(out, DiffLine{DiffSame, l})
	}
	return out
}

// lcsDiff diffs two line lists with a longest-common-subsequence table.
func lcsDiff(x, y []string) []DiffLine {
	n, m := len(x), len(y)
	var out []DiffLine
	if n*m > maxDiffCells {
		for _, l := range x {
			out = append(out, DiffLine{DiffRemoved, l})
		}
		for _, l := range y {
			out = append(out, DiffLine{DiffAdded, l})
		}
		return out
	}
	// lcs[i][j] is the LCS length of x[i:] and y[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case x[i] == y[j]:
			out = append(out, DiffLine{DiffSame, x[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{DiffRemoved, x[i]})
			i++
		default:
			out = append(out, DiffLine{DiffAdded, y[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, DiffLine{DiffRemoved, x[i]})
	}
	for ; j < m; j++ {
		out = append(out, DiffLine{DiffAdded, y[j]})
	}
	return out
}

// splitLines splits text into lines; a final newline does not add an empty line.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
