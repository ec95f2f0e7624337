package auditbundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"steward/backend/checklist"
	"steward/backend/checks"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/moderation"
	"steward/backend/privacy"
	"steward/backend/store"
	"steward/backend/usage"
)

var now = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

type fakeOrg struct{}

func (fakeOrg) Snapshot(context.Context) (checks.OrgState, error) {
	return checks.OrgState{SyncedAt: now, Users: []checks.OrgUser{{ID: "user-1", Email: "ana@example.com"}}}, nil
}

func (fakeOrg) AuditLog(_ context.Context, since time.Time) ([]checks.OrgAuditEvent, error) {
	return []checks.OrgAuditEvent{{ID: "ev-1", Type: "api_key.created", At: since.Add(time.Hour)}}, nil
}

// inputs builds a bundle's inputs over a fresh store.
func inputs(t *testing.T, org checks.OrgSnapshot) Inputs {
	t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return now }
	st, err := store.Open(ctx, t.TempDir(), store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, err := checklist.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	list := checklist.New(st, cat, checklist.Options{Now: clock})
	if _, err := list.CreateWorkspace("Bot"); err != nil {
		t.Fatal(err)
	}
	reg := keys.New(st, &keys.VaultSwitch{}, keys.Options{Now: clock})
	leaks := leakscan.NewStore(st, reg.Lookup)
	mod := moderation.New(st, moderation.Options{Now: clock})
	u := usage.New(usage.NewSQLite(st), usage.Options{Now: clock})
	priv := privacy.New(st, privacy.Options{Now: clock})
	if _, err := priv.SaveDraft(ctx, privacy.Answers{Users: privacy.Users{Regions: []privacy.Region{privacy.RegionEU}}}, "en"); err != nil {
		t.Fatal(err)
	}
	src := checks.Sources{Keys: reg, Leaks: leaks, Usage: u, Moderation: mod, Privacy: priv, Org: org}
	return Inputs{Checklist: list, Checks: checks.New(st, list, src, checks.Options{Now: clock}), Leaks: leaks, Keys: reg,
		Org: org, Moderation: mod, Usage: u, Privacy: priv, Version: "1.2.3", Now: clock}
}

func TestBundleWithOrganization(t *testing.T) {
	var buf bytes.Buffer
	m, err := Write(context.Background(), inputs(t, fakeOrg{}), Options{Workspace: "Bot", Lang: "zh-CN"}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != "1.2.3" || m.Since != "2026-03-03" || m.GeneratedAt != "2026-06-01T09:00:00Z" {
		t.Fatalf("manifest = %+v", m)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]*zip.File{}
	for _, f := range zr.File {
		names[f.Name] = f
	}
	for _, want := range []string{"org/snapshot.json", "org/audit-log.json", "privacy/draft-1.md", "privacy/draft-1-completeness.json"} {
		if names[want] == nil {
			t.Fatalf("bundle lacks %s", want)
		}
	}
	rc, _ := names["checks/evidence/KH-08.json"].Open()
	body, _ := io.ReadAll(rc)
	var r checks.Result
	if err := json.Unmarshal(body, &r); err != nil || r.Item != "KH-08" || r.Evidence == nil {
		t.Fatalf("KH-08 evidence = %s (%v)", body, err)
	}
	v, err := Verify(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || !v.OK || v.Files != len(zr.File)-1 {
		t.Fatalf("verify = %+v, %v", v, err)
	}
}

func TestBundleOfUnknownWorkspace(t *testing.T) {
	_, err := Write(context.Background(), inputs(t, nil), Options{Workspace: "Nobody"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "Nobody") {
		t.Fatalf("err = %v", err)
	}
}

func TestVerifyIgnoresFolders(t *testing.T) {
	var buf bytes.Buffer
	if _, err := Write(context.Background(), inputs(t, nil), Options{Workspace: "Bot"}, &buf); err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.Create("checks/") // what zip -r adds when a bundle is unpacked and packed again
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	if v, err := Verify(bytes.NewReader(out.Bytes()), int64(out.Len())); err != nil || !v.OK {
		t.Fatalf("verify = %+v, %v", v, err)
	}
}

func TestVerifyNamesEveryProblem(t *testing.T) {
	v := Verification{Missing: []string{"a.json"}, Extra: []string{"b.txt"}, Changed: []string{"c.pdf"}}
	if got := v.Problem("en"); got != "missing: a.json; not in the manifest: b.txt; changed: c.pdf" {
		t.Fatalf("problem = %q", got)
	}
	if got := v.Problem("zh-CN"); !strings.Contains(got, "缺少：a.json") || !strings.Contains(got, "已被修改：c.pdf") {
		t.Fatalf("problem = %q", got)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.Create("x.txt")
	zw.Close()
	if _, err := Verify(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err == nil || !strings.Contains(err.Error(), "manifest") {
		t.Fatalf("no manifest: %v", err)
	}
}
