package main

import (
	"bytes"
	"testing"
	"time"

	"steward/backend/app"
	"steward/backend/auditbundle"
)

// TestExportAuditBundle: the Overview's button writes a bundle whose
// manifest verifies.
func TestExportAuditBundle(t *testing.T) {
	data := t.TempDir()
	t.Setenv("STEWARD_E2E_EXPORT_DIR", t.TempDir())
	a := openApp("test", app.Options{DataDir: data, Now: func() time.Time { return time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC) }})
	if a.openErr != nil {
		t.Fatal(a.openErr)
	}
	defer a.svc.Close()
	if _, err := a.svc.Checklist.CreateWorkspace(a.context(), "Bot"); err != nil {
		t.Fatal(err)
	}
	path, err := a.ExportAuditBundle("Bot", "zh-CN")
	if err != nil || path == "" {
		t.Fatalf("ExportAuditBundle = %q, %v", path, err)
	}
	b := read(t, path)
	v, err := auditbundle.Verify(bytes.NewReader(b), int64(len(b)))
	if err != nil || !v.OK || v.Files == 0 {
		t.Fatalf("the written bundle does not verify: %+v, %v", v, err)
	}
	if _, err := a.ExportAuditBundle("No such workspace", "en"); err == nil {
		t.Fatal("a bundle of a missing workspace was written")
	}
}
