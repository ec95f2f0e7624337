package leakscan

import (
	"context"
	"fmt"

	"steward/backend/keys"
)

// LeakedFingerprints lists the keys found by the last scan of each folder,
// so the key register can raise a "leaked" finding; it makes Store a
// keys.LeakSource.
func (s *Store) LeakedFingerprints(ctx context.Context) (map[string]keys.LeakRef, error) {
	scans, err := s.LastScans(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]keys.LeakRef{}
	seen := map[int64]bool{}
	for _, sc := range scans {
		if seen[sc.ID] || sc.Findings == 0 {
			continue
		}
		seen[sc.ID] = true
		fs, err := s.Findings(ctx, sc.ID)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if _, ok := out[f.Fingerprint]; ok || f.Fingerprint == "" {
				continue
			}
			where := fmt.Sprintf("%s:%d", f.File, f.Line)
			if f.Commit != "" {
				where = fmt.Sprintf("%s (commit %.8s)", f.File, f.Commit)
			}
			out[f.Fingerprint] = keys.LeakRef{Where: where, FoundAt: sc.FinishedAt}
		}
	}
	return out, nil
}
