package app

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"steward/backend/checks"
	"steward/backend/keys"
	"steward/backend/openaitest"
)

// orgFixture is a data folder on the encrypted file vault (so the admin
// key's fixed vault account is the test's own) and a stand-in organization.
type orgFixture struct {
	t        *testing.T
	dir, url string
	now      time.Time
	admin    string
	annKey   string
	srv      *openaitest.Server
}

func genKey(t *testing.T, prefix string) string {
	t.Helper()
	b := make([]byte, 40)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

func newOrgFixture(t *testing.T) *orgFixture {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	f := &orgFixture{t: t, dir: t.TempDir(), now: now, admin: genKey(t, "sk-admin-"), annKey: genKey(t, "sk-proj-")}
	f.srv = openaitest.New(t, openaitest.WithClock(func() time.Time { return now }), openaitest.WithOrg(openaitest.Org{
		Projects: []openaitest.OrgProject{{ID: "proj_web", Name: "Web", CreatedAt: now.AddDate(-1, 0, 0),
			SpendLimit:  &openaitest.SpendLimit{Amount: 25000, Enforcing: true},
			SpendAlerts: []openaitest.SpendAlert{{ID: "alert_1", Amount: 20000, Recipients: []string{"ann@example.com"}}},
			Keys: []openaitest.ProjectKey{
				{ID: "key_ann", Name: "ann laptop", Value: f.annKey, OwnerUser: "user_ann", CreatedAt: now.AddDate(0, -1, 0), LastUsedAt: now},
				{ID: "key_stray", Name: "stray", Value: genKey(t, "sk-proj-"), OwnerUser: "user_gone", CreatedAt: now.AddDate(0, 0, -2)},
			}}},
		Users:     []openaitest.OrgUser{{ID: "user_ann", Name: "Ann", Email: "ann@example.com", AddedAt: now.AddDate(-1, 0, 0)}},
		AdminKeys: []openaitest.OrgAdminKey{{ID: "key_admin", Name: "Steward", Value: f.admin, OwnerName: "Ann", CreatedAt: now.AddDate(0, -1, 0)}},
		AuditLog: []openaitest.AuditEvent{
			{ID: "audit_old", Type: "project.created", EffectiveAt: now.AddDate(0, 0, -200), ProjectID: "proj_web", ActorEmail: "ann@example.com", Object: "proj_web"},
			{ID: "audit_2", Type: "api_key.created", EffectiveAt: now.Add(-2 * time.Hour), ProjectID: "proj_web", ActorEmail: "ann@example.com", Object: "key_stray"},
			{ID: "audit_1", Type: "api_key.created", EffectiveAt: now.Add(-3 * time.Hour), ProjectID: "proj_web", ActorEmail: "ann@example.com", Object: "key_ann"},
		},
	}))
	f.url = f.srv.URL
	return f
}

// open opens the data folder as a front does, on the file vault.
func (f *orgFixture) open() *Services {
	f.t.Helper()
	s, err := Open(context.Background(), Options{DataDir: f.dir, Getenv: func(string) string { return "" },
		Passphrase: func() (string, error) { return "correct horse battery", nil }, Now: func() time.Time { return f.now }})
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

// bundle writes workspace's audit bundle and returns its files by name.
func bundle(t *testing.T, s *Services, workspace string, since time.Time) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.Exports.AuditBundle(context.Background(), &buf, workspace, "en", since); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// TestOrgThroughTheApplicationLayer: connecting and syncing through app.Org
// imports the audit log, adds the organization's findings, feeds the checks
// (re-run after the sync) and puts the snapshot and the audit-log extract
// in the audit bundle, each key linked to the register's fingerprint.
func TestOrgThroughTheApplicationLayer(t *testing.T) {
	ctx := context.Background()
	f := newOrgFixture(t)
	s := f.open()
	defer func() { s.Close() }()
	if _, err := s.Keys.UseVault(ctx, keys.VaultFile, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Settings.Set(ctx, "base_url", f.url); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Checklist.CreateWorkspace(ctx, "Bot"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Keys.AddMember(ctx, keys.MemberInput{Name: "Ann", Email: "ann@example.com"}); err != nil {
		t.Fatal(err)
	}
	ann, err := s.Keys.AddKey(ctx, keys.KeyInput{Label: "ann-laptop", Member: "Ann", Environment: keys.EnvProd}, f.annKey)
	if err != nil {
		t.Fatal(err)
	}

	src := orgSource{s.c.org}
	if _, err := src.Snapshot(ctx); err != checks.ErrNotConnected {
		t.Fatalf("Snapshot before connecting = %v; want checks.ErrNotConnected", err)
	}
	if b := bundle(t, s, "Bot", time.Time{}); b["org/NOT-CONNECTED.txt"] == nil || b["org/snapshot.json"] != nil {
		t.Fatal("the bundle of an unconnected team does not say the organization is not connected")
	}
	if _, err := s.Org.Connect(ctx, f.admin); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Snapshot(ctx); err != checks.ErrNotConnected {
		t.Fatalf("Snapshot before the first sync = %v; want checks.ErrNotConnected", err)
	}

	res, err := s.Org.Sync(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Keys != 2 || res.Registered != 1 || res.Audit == nil || res.Audit.New != 3 {
		t.Fatalf("Sync = %+v (audit %+v); want 2 keys, 1 registered, 3 audit events imported", res, res.Audit)
	}
	// Close waits for the checks the sync set off; reopened, their results are there.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = f.open()
	src = orgSource{s.c.org}
	rs, err := s.Checks.Results(ctx, "Bot")
	if err != nil {
		t.Fatal(err)
	}
	kh08 := findResult(rs, "KH-08")
	if kh08 == nil || kh08.Status != checks.Fail || kh08.Evidence["org_keys"] != float64(2) {
		t.Fatalf("KH-08 after the sync = %+v; want a failure over the organization's 2 keys (one of a leaver)", kh08)
	}

	fs, err := s.Org.Findings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !hasFinding(fs, "org_unregistered:proj_web/key_stray") || !hasFinding(fs, "org_owner_left:proj_web/key_stray") {
		t.Fatalf("Findings lack the organization's: %v", findingIDs(fs))
	}
	if evs, err := s.Org.Audit(ctx, "2026-05-01", "api_key", 1); err != nil || len(evs) != 1 || evs[0].ID != "audit_2" {
		t.Fatalf("Audit(since, type, limit 1) = %+v, %v; want the newest api_key event", evs, err)
	}
	if _, err := s.Org.Audit(ctx, "last week", "", 0); err == nil {
		t.Fatal("Audit accepted a since that is not a date")
	}

	st, err := src.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	linked := map[string]string{}
	for _, k := range st.Keys {
		linked[k.ID] = k.Fingerprint
	}
	if linked["key_ann"] != ann.Fingerprint || linked["key_stray"] != "" || len(st.Users) != 1 {
		t.Fatalf("snapshot keys %v, users %v; want key_ann linked to %s", linked, st.Users, ann.Fingerprint)
	}
	if st.SpendLimitUSD != 250 || len(st.SpendAlertsUSD) != 1 || st.SpendAlertsUSD[0] != 200 {
		t.Fatalf("spend limit %v, alerts %v; want 250 and [200] dollars", st.SpendLimitUSD, st.SpendAlertsUSD)
	}

	since := f.now.AddDate(0, 0, -90)
	b := bundle(t, s, "Bot", since)
	var snap checks.OrgState
	if err := json.Unmarshal(b["org/snapshot.json"], &snap); err != nil || len(snap.Keys) != 2 {
		t.Fatalf("org/snapshot.json = %s (%v)", b["org/snapshot.json"], err)
	}
	var log struct{ Events []checks.OrgAuditEvent }
	if err := json.Unmarshal(b["org/audit-log.json"], &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Events) != 2 || log.Events[0].ID != "audit_1" || log.Events[1].ID != "audit_2" || log.Events[1].About != "key_stray" {
		t.Fatalf("org/audit-log.json = %s; want the two events of the period, oldest first", b["org/audit-log.json"])
	}
	for name, body := range b {
		if strings.Contains(string(body), f.admin) || strings.Contains(string(body), f.annKey) {
			t.Fatalf("%s holds a key", name)
		}
	}

	// Disconnected, the kept snapshot is history: the checks see no organization.
	if err := s.Org.Disconnect(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Snapshot(ctx); !errors.Is(err, checks.ErrNotConnected) {
		t.Fatalf("Snapshot after disconnecting = %v", err)
	}
}

func hasFinding(fs []keys.Finding, id string) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}

func findingIDs(fs []keys.Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	return ids
}

func findResult(rs []checks.Result, item string) *checks.Result {
	for i := range rs {
		if rs[i].Item == item {
			return &rs[i]
		}
	}
	return nil
}
