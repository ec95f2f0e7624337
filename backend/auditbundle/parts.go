package auditbundle

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"steward/backend/checks"
	"steward/backend/keys"
	"steward/backend/moderation"
	"steward/backend/usage"
)

// registerSummary is the key register without any key: labels, owners,
// redacted forms and fingerprints.
type registerSummary struct {
	Members  []keys.Member  `json:"members"`
	Keys     []keys.Key     `json:"keys"`
	Findings []keys.Finding `json:"findings"`
	Policies []keys.Policy  `json:"rotation_policies"`
}

func addKeys(ctx context.Context, b *bundle, in Inputs, _ Options) error {
	if in.Keys == nil {
		return b.addText("keys/NOT-AVAILABLE.txt", notAvailable("key register", "密钥登记册"))
	}
	var s registerSummary
	var err error
	if s.Members, err = in.Keys.Members(ctx); err != nil {
		return err
	}
	if s.Keys, err = in.Keys.Keys(ctx); err != nil {
		return err
	}
	if s.Findings, err = in.Keys.Findings(ctx); err != nil {
		return err
	}
	if s.Policies, err = in.Keys.Policies(ctx); err != nil {
		return err
	}
	return b.addJSON("keys/register.json", s)
}

func addOrg(ctx context.Context, b *bundle, in Inputs, o Options) error {
	if in.Org == nil {
		return b.addText("org/NOT-CONNECTED.txt", notAvailable("OpenAI organization snapshot or audit log", "OpenAI 组织快照或审计日志"))
	}
	snap, err := in.Org.Snapshot(ctx)
	if errors.Is(err, checks.ErrNotConnected) {
		return b.addText("org/NOT-CONNECTED.txt", notAvailable("OpenAI organization snapshot or audit log", "OpenAI 组织快照或审计日志"))
	}
	if err != nil {
		return fmt.Errorf("read the organization snapshot: %w", err)
	}
	if err := b.addJSON("org/snapshot.json", snap); err != nil {
		return err
	}
	log, err := in.Org.AuditLog(ctx, o.Since)
	if err != nil {
		return fmt.Errorf("read the organization's audit log: %w", err)
	}
	if log == nil {
		log = []checks.OrgAuditEvent{}
	}
	return b.addJSON("org/audit-log.json", map[string]any{"since": o.Since.Format("2006-01-02"), "events": log})
}

func addModeration(ctx context.Context, b *bundle, in Inputs, o Options) error {
	if in.Moderation == nil {
		return b.addText("moderation/NOT-AVAILABLE.txt", notAvailable("moderation runs", "审核运行记录"))
	}
	includes, err := in.Checks.Includes(ctx, o.Workspace)
	if err != nil {
		return err
	}
	suites, err := in.Moderation.ListSuites()
	if err != nil {
		return err
	}
	n := 0
	for _, su := range suites {
		if !includes(checks.ScopeSuite, su.Name) {
			continue
		}
		runs, err := in.Moderation.ListRuns(su.ID)
		if err != nil {
			return err
		}
		for _, r := range runs {
			if r.CreatedAt < o.Since.UTC().Format("2006-01-02T15:04:05Z") {
				continue
			}
			rep, err := in.Moderation.Report(r.ID)
			if err != nil {
				return err
			}
			err = b.add(fmt.Sprintf("moderation/run-%d.json", r.ID), func(w io.Writer) error {
				return moderation.WriteReport(w, rep, moderation.ReportJSON, o.Lang)
			})
			if err != nil {
				return err
			}
			n++
		}
	}
	if n == 0 {
		return b.addText("moderation/NO-RUNS.txt", "No moderation run in this period.\n此期间没有审核运行记录。\n")
	}
	return nil
}

func addUsage(ctx context.Context, b *bundle, in Inputs, o Options) error {
	if in.Usage == nil {
		return b.addText("usage/NOT-AVAILABLE.txt", notAvailable("usage log", "用量日志"))
	}
	until := in.Now().UTC()
	for _, by := range []string{usage.ByDay, usage.ByKey, usage.ByMember} {
		rep, err := in.Usage.Report(ctx, usage.Query{Since: o.Since, Until: until, By: by})
		if err != nil {
			return err
		}
		for _, format := range []string{usage.FormatJSON, usage.FormatHTML} {
			path := "usage/report-by-" + by + "." + strings.ToLower(format)
			if err := b.add(path, func(w io.Writer) error { return usage.WriteReport(w, rep, format, o.Lang) }); err != nil {
				return err
			}
		}
	}
	return nil
}

func addPrivacy(ctx context.Context, b *bundle, in Inputs, _ Options) error {
	if in.Privacy == nil {
		return b.addText("privacy/NOT-AVAILABLE.txt", notAvailable("privacy drafts", "隐私政策草稿"))
	}
	list, err := in.Privacy.Drafts(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return b.addText("privacy/NO-DRAFT.txt", "No privacy-policy draft is saved.\n尚未保存隐私政策草稿。\n")
	}
	d, err := in.Privacy.DraftByID(ctx, list[0].ID)
	if err != nil {
		return err
	}
	if err := b.addText(fmt.Sprintf("privacy/draft-%d.md", d.ID), d.Markdown); err != nil {
		return err
	}
	return b.addJSON(fmt.Sprintf("privacy/draft-%d-completeness.json", d.ID), map[string]any{
		"draft_id": d.ID, "created_at": d.CreatedAt, "lang": d.Lang, "check": d.Check})
}
