package checks

import (
	"slices"
)

// allChecks is every check, ordered by item id as the catalogue orders sections.
func allChecks() []check {
	var out []check
	for _, group := range [][]check{keyChecks(), leakChecks(), usageChecks(), gatewayChecks(), privacyChecks()} {
		out = append(out, group...)
	}
	order := map[string]int{"UP": 0, "DS": 1, "KH": 2, "DP": 3, "OP": 4}
	slices.SortFunc(out, func(a, b check) int {
		if d := order[a.item[:2]] - order[b.item[:2]]; d != 0 {
			return d
		}
		return compareIDs(a.item, b.item)
	})
	return out
}

func compareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
