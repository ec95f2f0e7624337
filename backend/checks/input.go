package checks

import (
	"context"
	"time"

	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/privacy"
)

// input is what every check of one run sees; it reads each source once.
type input struct {
	src   Sources
	now   time.Time
	scope scopeView

	keys     []keys.Key
	members  []keys.Member
	findings []keys.Finding
	scans    map[bool][]scannedFolder // by scoped
	draft    *privacy.SavedDraft
	org      *OrgState
	loaded   map[string]error // source part -> the error reading it (nil when read)
}

// scannedFolder is the last completed scan of one folder in scope, with its findings there.
type scannedFolder struct {
	leakscan.ScanSummary
	findings []leakscan.LeakFinding
}

// once reads part of a source at most once per run.
func (in *input) once(part string, read func() error) error {
	if in.loaded == nil {
		in.loaded = map[string]error{}
	}
	if err, ok := in.loaded[part]; ok {
		return err
	}
	err := read()
	in.loaded[part] = err
	return err
}

func (in *input) registerKeys(ctx context.Context) ([]keys.Key, error) {
	err := in.once("keys", func() (err error) { in.keys, err = in.src.Keys.Keys(ctx); return err })
	return in.keys, err
}

func (in *input) registerMembers(ctx context.Context) ([]keys.Member, error) {
	err := in.once("members", func() (err error) { in.members, err = in.src.Keys.Members(ctx); return err })
	return in.members, err
}

func (in *input) keyFindings(ctx context.Context) ([]keys.Finding, error) {
	err := in.once("findings", func() (err error) { in.findings, err = in.src.Keys.Findings(ctx); return err })
	return in.findings, err
}

// lastScans returns the last completed scan of every folder in scope (or,
// unscoped, of every folder), with that folder's findings.
func (in *input) lastScans(ctx context.Context, scoped bool) ([]scannedFolder, error) {
	part := map[bool]string{true: "scans", false: "scans-all"}[scoped]
	err := in.once(part, func() error {
		if in.scans == nil {
			in.scans = map[bool][]scannedFolder{}
		}
		sums, err := in.src.Leaks.LastCompletedScans(ctx)
		if err != nil {
			return err
		}
		byScan := map[int64][]leakscan.LeakFinding{}
		for _, sum := range sums {
			if scoped && !in.scope.includes(ScopeFolder, sum.Root) {
				continue
			}
			f := scannedFolder{ScanSummary: sum}
			if sum.Findings > 0 {
				all, ok := byScan[sum.ID]
				if !ok {
					if all, err = in.src.Leaks.Findings(ctx, sum.ID); err != nil {
						return err
					}
					byScan[sum.ID] = all
				}
				for _, lf := range all {
					if lf.Root == sum.Root {
						f.findings = append(f.findings, lf)
					}
				}
			}
			in.scans[scoped] = append(in.scans[scoped], f)
		}
		return nil
	})
	return in.scans[scoped], err
}

// latestDraft returns the newest saved privacy draft, or nil when there is none.
func (in *input) latestDraft(ctx context.Context) (*privacy.SavedDraft, error) {
	err := in.once("draft", func() error {
		list, err := in.src.Privacy.Drafts(ctx)
		if err != nil || len(list) == 0 {
			return err
		}
		d, err := in.src.Privacy.DraftByID(ctx, list[0].ID)
		in.draft = &d
		return err
	})
	return in.draft, err
}

// orgState returns the organization snapshot, or ErrNotConnected.
func (in *input) orgState(ctx context.Context) (*OrgState, error) {
	if in.src.Org == nil {
		return nil, ErrNotConnected
	}
	err := in.once("org", func() error {
		st, err := in.src.Org.Snapshot(ctx)
		in.org = &st
		return err
	})
	return in.org, err
}

// days is how many whole days lie between t and now.
func (in *input) days(t time.Time) int { return int(in.now.Sub(t).Hours() / 24) }

// since is the start of the last n days.
func (in *input) since(n int) time.Time { return in.now.Add(-time.Duration(n) * 24 * time.Hour) }
