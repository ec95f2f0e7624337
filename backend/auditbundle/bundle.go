package auditbundle

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"steward/backend/checklist"
	"steward/backend/checks"
	"steward/backend/export"
	"steward/backend/leakscan"
	"steward/backend/moderation"
	"steward/backend/usage"
)

// Inputs are the services a bundle reads. Org may be nil (not connected);
// the bundle then says so in a note file.
type Inputs struct {
	Checklist  *checklist.Service
	PDF        export.PDFOptions
	Checks     *checks.Service
	Leaks      checks.LeakScans
	Keys       checks.KeyRegister
	Org        checks.OrgSnapshot
	Moderation ModerationReports
	Usage      UsageReports
	Privacy    checks.PrivacyDrafts
	Version    string
	Now        func() time.Time
}

// ModerationReports are moderation runs and their reports (moderation.Service satisfies it).
type ModerationReports interface {
	checks.ModerationRuns
	Report(runID int64) (moderation.RunReport, error)
}

// UsageReports sums the usage log (usage.Service satisfies it).
type UsageReports interface {
	Report(ctx context.Context, q usage.Query) (usage.Report, error)
}

// Options say what a bundle covers.
type Options struct {
	Workspace string
	Lang      string    // en or zh-CN
	Since     time.Time // start of the period for usage, moderation runs and the audit log; zero: 90 days back
}

// DefaultDays is the period a bundle covers when no start is given.
const DefaultDays = 90

// bundle is a zip being written and the manifest of what is in it.
type bundle struct {
	zw    *zip.Writer
	files []ManifestFile
	at    time.Time
}

// add writes one file and records its hash.
func (b *bundle) add(path string, write func(io.Writer) error) error {
	fw, err := b.zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate, Modified: b.at})
	if err != nil {
		return fmt.Errorf("add %s to the bundle: %w", path, err)
	}
	h := sha256.New()
	cw := &counter{w: io.MultiWriter(fw, h)}
	if err := write(cw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	b.files = append(b.files, ManifestFile{Path: path, SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: cw.n})
	return nil
}

func (b *bundle) addJSON(path string, v any) error {
	return b.add(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	})
}

func (b *bundle) addText(path, text string) error {
	return b.add(path, func(w io.Writer) error { _, err := io.WriteString(w, text); return err })
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Write writes the workspace's bundle to w as a zip, manifest last. It
// runs the workspace's checks first so their evidence is current.
func Write(ctx context.Context, in Inputs, opts Options, w io.Writer) (Manifest, error) {
	if in.Now == nil {
		in.Now = time.Now
	}
	if opts.Lang == "" {
		opts.Lang = checklist.LangEn
	}
	now := in.Now().UTC()
	if opts.Since.IsZero() {
		opts.Since = now.AddDate(0, 0, -DefaultDays)
	}
	if _, err := in.Checklist.Workspace(opts.Workspace); err != nil {
		return Manifest{}, err
	}
	b := &bundle{zw: zip.NewWriter(w), at: now}
	for _, part := range []func(context.Context, *bundle, Inputs, Options) error{
		addChecks, addChecklist, addLeakScans, addKeys, addOrg, addModeration, addUsage, addPrivacy,
	} {
		if err := part(ctx, b, in, opts); err != nil {
			return Manifest{}, err
		}
	}
	m := Manifest{GeneratedAt: now.Format(time.RFC3339), Version: in.Version, Workspace: opts.Workspace, Lang: opts.Lang,
		Since: opts.Since.Format(time.DateOnly), Files: b.files}
	fw, err := b.zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: now})
	if err != nil {
		return m, fmt.Errorf("write the manifest: %w", err)
	}
	enc := json.NewEncoder(fw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return m, fmt.Errorf("write the manifest: %w", err)
	}
	if err := b.zw.Close(); err != nil {
		return m, fmt.Errorf("finish the bundle: %w", err)
	}
	return m, nil
}

func addChecklist(_ context.Context, b *bundle, in Inputs, o Options) error {
	for _, format := range []string{"pdf", "json"} {
		err := b.add("checklist."+format, func(w io.Writer) error {
			return checklist.Export(in.Checklist, w, o.Workspace, format, o.Lang, checklist.ExportOptions{PDF: in.PDF})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func addChecks(ctx context.Context, b *bundle, in Inputs, o Options) error {
	if _, err := in.Checks.RunAll(ctx, o.Workspace); err != nil {
		return fmt.Errorf("run the checks: %w", err)
	}
	rs, err := in.Checks.Results(ctx, o.Workspace)
	if err != nil {
		return err
	}
	if err := b.addJSON("checks/results.json", map[string]any{"checks": rs}); err != nil {
		return err
	}
	for _, r := range rs {
		if err := b.addJSON("checks/evidence/"+r.Item+".json", r); err != nil {
			return err
		}
	}
	return nil
}

func addLeakScans(ctx context.Context, b *bundle, in Inputs, o Options) error {
	if in.Leaks == nil {
		return b.addText("leakscans/NOT-AVAILABLE.txt", notAvailable("leak scans", "泄露扫描"))
	}
	includes, err := in.Checks.Includes(ctx, o.Workspace)
	if err != nil {
		return err
	}
	sums, err := in.Leaks.LastCompletedScans(ctx)
	if err != nil {
		return err
	}
	index, done := []leakscan.ScanSummary{}, map[int64]bool{}
	for _, s := range sums {
		if !includes(checks.ScopeFolder, s.Root) {
			continue
		}
		index = append(index, s)
		if done[s.ID] {
			continue
		}
		done[s.ID] = true
		fs, err := in.Leaks.Findings(ctx, s.ID)
		if err != nil {
			return err
		}
		r := &leakscan.Result{Roots: s.Roots, History: s.History, StartedAt: s.StartedAt, FinishedAt: s.FinishedAt,
			Status: s.Status, Error: s.Error, Findings: fs, Skipped: []leakscan.Skipped{},
			Stats: leakscan.Stats{Files: s.Files, Bytes: s.Bytes, Commits: s.Commits, Seconds: s.Seconds}}
		if err := b.add(fmt.Sprintf("leakscans/scan-%d.sarif", s.ID), func(w io.Writer) error { return leakscan.WriteSARIF(w, r) }); err != nil {
			return err
		}
	}
	return b.addJSON("leakscans/index.json", map[string]any{"folders": index})
}

// notAvailable is the note left where a source is not connected.
func notAvailable(what, whatZh string) string {
	return "Not connected: Steward has no " + what + " to include.\n未连接：Steward 没有可附上的" + whatZh + "。\n"
}
