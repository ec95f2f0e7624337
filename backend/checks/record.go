package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"steward/backend/checklist"
)

// record applies a fresh result to the workspace's item and stores it.
func (s *Service) record(ctx context.Context, ws checklist.Workspace, r Result) (Result, error) {
	prev, found, err := s.stored(ctx, ws.ID, r.Item)
	if err != nil {
		return r, err
	}
	ov, err := s.override(ctx, ws.ID, r.Item)
	if err != nil {
		return r, err
	}
	if ov != nil && ov.CheckStatus != r.Status {
		if err := s.dropOverride(ctx, ws.ID, r.Item); err != nil {
			return r, err
		}
		ov = nil // the person overruled a result that no longer holds
	}
	item, err := s.list.Item(ws.Name, r.Item)
	if err != nil {
		return r, err
	}
	auto, err := s.autoComplete(ctx, ws.ID)
	if err != nil {
		return r, err
	}
	next := decide(item.Status, r.Status, prev.applied, auto, ov != nil)
	applied := prev.applied
	if next != "" {
		applied = next
	}
	if r.Status == Pass && next != checklist.StatusDone && item.Status != checklist.StatusDone {
		r.Proposed = checklist.StatusDone
	}
	r.Override = ov
	if err := s.saveResult(ctx, ws.ID, r, applied); err != nil {
		return r, err
	}
	old := ""
	if found {
		old = summary(prev.result)
	}
	err = s.list.RecordCheck(ctx, ws.Name, checklist.CheckRecord{ItemID: r.Item, Actor: actor(r.Item),
		Snapshot: snapshot(r), Label: summary(r), CheckedAt: r.CheckedAt, Old: old, New: summary(r), Status: next})
	return r, err
}

// decide says which status a result gives an item ("" leaves it). A check
// "owns" the status it set last while no one has changed it since.
func decide(current, result, applied string, auto, overridden bool) string {
	if overridden || current == checklist.StatusNotApplicable {
		return ""
	}
	owned := current == applied
	switch {
	case result == Fail && current != checklist.StatusAtRisk:
		return checklist.StatusAtRisk
	case result == Pass && auto && current != checklist.StatusDone:
		return checklist.StatusDone
	case result == Pass && owned && current == checklist.StatusAtRisk:
		return checklist.StatusInProgress // needs review: the check proposes done
	case result == Unknown && owned && (current == checklist.StatusAtRisk || current == checklist.StatusDone):
		return checklist.StatusInProgress
	}
	return ""
}

func actor(item string) string { return "check:" + item }

// summary is the one line the audit trail and evidence label show.
func summary(r Result) string { return r.Status + ": " + r.Reason.En + " / " + r.Reason.Zh }

// snapshot is the evidence reference: the result as JSON.
func snapshot(r Result) string {
	b, err := json.Marshal(map[string]any{"check": actor(r.Item), "status": r.Status, "checked_at": r.CheckedAt,
		"reason": r.Reason, "evidence": r.Evidence})
	if err != nil {
		return fmt.Sprintf(`{"check":%q,"error":%q}`, actor(r.Item), err.Error())
	}
	return string(b)
}

// ExpireStale turns every result older than its check's window stale, in
// every workspace; an item done on the strength of a stale pass goes back
// to "in progress" (needs review). The app calls it at start.
func (s *Service) ExpireStale(ctx context.Context) (int, error) {
	wss, err := s.list.ListWorkspaces()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, ws := range wss {
		for _, c := range s.checks {
			expired, err := s.expire(ctx, ws, c)
			if err != nil {
				return n, err
			}
			if expired {
				n++
			}
		}
	}
	return n, nil
}

// expire marks one stored result stale if its window has passed.
func (s *Service) expire(ctx context.Context, ws checklist.Workspace, c check) (bool, error) {
	prev, found, err := s.stored(ctx, ws.ID, c.item)
	if err != nil || !found || prev.stale || !s.isStale(prev.result.CheckedAt, c) {
		return false, err
	}
	ov, err := s.override(ctx, ws.ID, c.item)
	if err != nil {
		return false, err
	}
	item, err := s.list.Item(ws.Name, c.item)
	if err != nil {
		return false, err
	}
	next := ""
	if ov == nil && item.Status == checklist.StatusDone && prev.result.Status == Pass {
		next = checklist.StatusInProgress
	}
	if err := s.markStale(ctx, ws.ID, c.item); err != nil {
		return false, err
	}
	r := prev.result
	days := int(c.freshFor() / (24 * time.Hour))
	line := fmt.Sprintf("stale: the result of %s is older than %d days / 结果已超过 %d 天，需要重新检查", r.CheckedAt, days, days)
	return true, s.list.RecordCheck(ctx, ws.Name, checklist.CheckRecord{ItemID: c.item, Actor: actor(c.item),
		Snapshot: snapshot(r), Label: line, CheckedAt: r.CheckedAt, Old: summary(r), New: line, Status: next})
}

func (s *Service) isStale(checkedAt string, c check) bool {
	t, err := time.Parse(time.RFC3339, checkedAt)
	return err != nil || s.now().Sub(t) > c.freshFor()
}

// Results returns the stored results of a workspace's checks, in check
// order, with their stale flags and overrides. Checks never run are absent.
func (s *Service) Results(ctx context.Context, workspace string) ([]Result, error) {
	ws, err := s.list.Workspace(workspace)
	if err != nil {
		return nil, err
	}
	out := []Result{}
	for _, c := range s.checks {
		prev, found, err := s.stored(ctx, ws.ID, c.item)
		if err != nil {
			return nil, err
		}
		if !found {
			continue
		}
		r := prev.result
		r.Stale = s.isStale(r.CheckedAt, c)
		if r.Override, err = s.override(ctx, ws.ID, c.item); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Override sets an item's status against its check, with a note the audit
// trail keeps; it holds until the check's result changes.
func (s *Service) Override(ctx context.Context, workspace, item, status, note string) (checklist.ItemState, error) {
	ws, err := s.list.Workspace(workspace)
	if err != nil {
		return checklist.ItemState{}, err
	}
	prev, found, err := s.stored(ctx, ws.ID, item)
	if err != nil {
		return checklist.ItemState{}, err
	}
	checkStatus := Unknown
	if found {
		checkStatus = prev.result.Status
	}
	st, err := s.list.OverrideCheck(ctx, workspace, item, status, note)
	if err != nil {
		return st, err
	}
	ov := Override{Status: status, CheckStatus: checkStatus, Note: note, Source: s.list.Source(),
		At: s.now().UTC().Format(time.RFC3339)}
	return st, s.saveOverride(ctx, ws.ID, item, ov)
}
