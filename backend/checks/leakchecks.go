package checks

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"steward/backend/checklist"
	"steward/backend/keys"
)

// scanMaxAgeDays is how old a folder's last clean scan may be.
const scanMaxAgeDays = 30

// leakChecks prove the "no keys in ..." items from the last completed scan
// of every folder in the workspace's scope.
func leakChecks() []check {
	src := []string{SourceLeaks, SourceKeys, SourceOrg}
	return []check{
		{item: "KH-03", title: checklist.Text{En: "Every folder's last completed scan (with git history) is under 30 days old and shows no unrevoked key",
			Zh: "每个文件夹最近一次完整扫描（含 Git 历史）不超过 30 天，且未发现未吊销的密钥"}, sources: src, run: checkRepos},
		{item: "KH-04", title: checklist.Text{En: "No unrevoked key in browser, desktop or mobile app code",
			Zh: "浏览器、桌面或移动应用代码中没有未吊销的密钥"}, sources: src, run: checkClientCode},
		{item: "KH-05", title: checklist.Text{En: "No unrevoked key in documents, notes, exports or logs",
			Zh: "文档、笔记、导出文件或日志中没有未吊销的密钥"}, sources: src, run: checkDocuments},
		{item: "KH-11", title: checklist.Text{En: "Every leaked key was revoked within 24 hours of being found",
			Zh: "每个泄露的密钥都在发现后 24 小时内吊销"}, sources: src, run: checkLeakResponse},
	}
}

// scansRead reads the folders in scope, or says why it cannot.
// Leaked keys are team-wide, so unscoped reads every folder.
func scansRead(ctx context.Context, in *input, scoped bool) ([]scannedFolder, *outcome) {
	if in.src.Leaks == nil {
		o := notConnected("the leak scans", "泄露扫描")
		return nil, &o
	}
	scans, err := in.lastScans(ctx, scoped)
	if err != nil {
		o := unreadable("the leak scans", "泄露扫描", err)
		return nil, &o
	}
	if len(scans) == 0 {
		o := unknown("No folder of this workspace has a completed leak scan.", "本工作区没有完成过泄露扫描的文件夹。",
			map[string]any{"folders": 0})
		return nil, &o
	}
	return scans, nil
}

// withdrawn returns the fingerprints of revoked and retired registered keys.
func withdrawn(ctx context.Context, in *input) map[string]bool {
	out := map[string]bool{}
	if in.src.Keys == nil {
		return out
	}
	ks, err := in.registerKeys(ctx)
	if err != nil {
		return out
	}
	for _, k := range ks {
		if !k.Current() {
			out[k.Fingerprint] = true
		}
	}
	return out
}

// unrevoked lists the findings, in the files keep accepts, of keys not known to be withdrawn.
func unrevoked(ctx context.Context, in *input, scans []scannedFolder, keep func(file string) bool) []map[string]any {
	gone := withdrawn(ctx, in)
	var out []map[string]any
	for _, sc := range scans {
		for _, f := range sc.findings {
			if gone[f.Fingerprint] || !keep(f.File) {
				continue
			}
			out = append(out, map[string]any{"root": sc.Root, "file": f.File, "line": f.Line, "commit": f.Commit,
				"fingerprint": f.Fingerprint, "redacted": f.Redacted, "registered": f.Registered(), "scan_id": sc.ID})
		}
	}
	return out
}

func folderEvidence(scans []scannedFolder) []map[string]any {
	out := make([]map[string]any, 0, len(scans))
	for _, sc := range scans {
		out = append(out, map[string]any{"root": sc.Root, "scan_id": sc.ID, "finished_at": sc.FinishedAt.UTC().Format(time.RFC3339),
			"history": sc.History, "files": sc.Files, "commits": sc.Commits, "findings": sc.Findings})
	}
	return out
}

func checkRepos(ctx context.Context, in *input) outcome {
	scans, o := scansRead(ctx, in, true)
	if o != nil {
		return *o
	}
	var old, noHistory []string
	for _, sc := range scans {
		if in.days(sc.FinishedAt) > scanMaxAgeDays {
			old = append(old, sc.Root)
		}
		if !sc.History {
			noHistory = append(noHistory, sc.Root)
		}
	}
	found := unrevoked(ctx, in, scans, func(string) bool { return true })
	ev := map[string]any{"folders": folderEvidence(scans), "unrevoked": found, "too_old": old, "without_history": noHistory}
	switch {
	case len(found) > 0:
		return fail(fmt.Sprintf("%d unrevoked key(s) found in scanned folders.", len(found)),
			fmt.Sprintf("在扫描的文件夹中发现 %d 处未吊销的密钥。", len(found)), ev)
	case len(old) > 0:
		return fail(fmt.Sprintf("The last scan of %s is older than %d days.", strings.Join(old, ", "), scanMaxAgeDays),
			fmt.Sprintf("%s 的最近一次扫描已超过 %d 天。", strings.Join(old, "、"), scanMaxAgeDays), ev)
	case len(noHistory) > 0:
		return fail(fmt.Sprintf("%s was scanned without its git history.", strings.Join(noHistory, ", ")),
			fmt.Sprintf("%s 的扫描未包含 Git 历史。", strings.Join(noHistory, "、")), ev)
	}
	return pass(fmt.Sprintf("%d folder(s) scanned with history in the last %d days; no unrevoked key.", len(scans), scanMaxAgeDays),
		fmt.Sprintf("%d 个文件夹在近 %d 天内完成了含历史的扫描，未发现未吊销的密钥。", len(scans), scanMaxAgeDays), ev)
}

// clientCode are file extensions of code shipped to browsers, desktops and phones.
var clientCode = []string{".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".vue", ".svelte", ".html", ".htm",
	".swift", ".m", ".kt", ".java", ".dart", ".plist", ".xaml", ".cs"}

// documents are file extensions of notes, documents, exports and logs.
var documents = []string{".md", ".markdown", ".txt", ".rst", ".log", ".csv", ".tsv", ".ipynb", ".eml", ".org", ".adoc"}

func byExt(exts []string) func(string) bool {
	return func(file string) bool { return slices.Contains(exts, strings.ToLower(path.Ext(file))) }
}

func checkClientCode(ctx context.Context, in *input) outcome {
	return checkFileKind(ctx, in, byExt(clientCode), "app code", "应用代码")
}

func checkDocuments(ctx context.Context, in *input) outcome {
	return checkFileKind(ctx, in, byExt(documents), "documents, notes or logs", "文档、笔记或日志")
}

func checkFileKind(ctx context.Context, in *input, keep func(string) bool, what, whatZh string) outcome {
	scans, o := scansRead(ctx, in, true)
	if o != nil {
		return *o
	}
	found := unrevoked(ctx, in, scans, keep)
	ev := map[string]any{"folders": folderEvidence(scans), "unrevoked": found}
	if len(found) > 0 {
		return fail(fmt.Sprintf("%d unrevoked key(s) found in %s.", len(found), what),
			fmt.Sprintf("在%s中发现 %d 处未吊销的密钥。", whatZh, len(found)), ev)
	}
	return pass(fmt.Sprintf("No unrevoked key in %s of %d scanned folder(s).", what, len(scans)),
		fmt.Sprintf("%d 个已扫描文件夹的%s中没有未吊销的密钥。", len(scans), whatZh), ev)
}

// leak is one leaked key: when it was first seen and its register record.
type leak struct {
	fingerprint, redacted string
	found                 time.Time
	key                   *keys.Key
}

func checkLeakResponse(ctx context.Context, in *input) outcome {
	scans, o := scansRead(ctx, in, false)
	if o != nil {
		return *o
	}
	leaks := leaksIn(scans)
	byFP := map[string]keys.Key{}
	if in.src.Keys != nil {
		if ks, err := in.registerKeys(ctx); err == nil {
			for _, k := range ks {
				byFP[k.Fingerprint] = k
			}
		}
	}
	var late, inUse, unregistered []string
	for i := range leaks {
		l := &leaks[i]
		k, ok := byFP[l.fingerprint]
		switch {
		case !ok && in.now.Sub(l.found) > 24*time.Hour:
			unregistered = append(unregistered, l.redacted)
		case !ok:
		case k.Current():
			inUse = append(inUse, k.Label)
		case k.Status == keys.StatusRevoked && parseStamp(k.RevokedAt).Sub(l.found) > 24*time.Hour:
			late = append(late, k.Label)
		}
	}
	inOrg := leakedInOrg(ctx, in, leaks)
	ev := map[string]any{"leaked_keys": len(leaks), "still_in_use": inUse, "revoked_late": late,
		"unregistered_not_revoked": unregistered, "still_in_org": inOrg, "folders": len(scans)}
	if n := len(inUse) + len(late) + len(unregistered) + len(inOrg); n > 0 {
		return fail(fmt.Sprintf("%d leaked key(s) not revoked within 24 hours.", n),
			fmt.Sprintf("有 %d 个泄露的密钥未在 24 小时内吊销。", n), ev)
	}
	if len(leaks) == 0 {
		return pass(fmt.Sprintf("No leaked key in the last scans of %d folder(s).", len(scans)),
			fmt.Sprintf("%d 个文件夹的最近扫描中没有泄露的密钥。", len(scans)), ev)
	}
	return pass(fmt.Sprintf("%d leaked key(s) found; all were revoked within 24 hours.", len(leaks)),
		fmt.Sprintf("发现 %d 个泄露的密钥，均已在 24 小时内吊销。", len(leaks)), ev)
}

// leaksIn lists each leaked key once, with the earliest scan that shows it.
func leaksIn(scans []scannedFolder) []leak {
	seen := map[string]int{}
	var out []leak
	for _, sc := range scans {
		for _, f := range sc.findings {
			if i, ok := seen[f.Fingerprint]; ok {
				if sc.FinishedAt.Before(out[i].found) {
					out[i].found = sc.FinishedAt
				}
				continue
			}
			seen[f.Fingerprint] = len(out)
			out = append(out, leak{fingerprint: f.Fingerprint, redacted: f.Redacted, found: sc.FinishedAt})
		}
	}
	return out
}

// leakedInOrg lists organization key ids matched to a leaked key.
func leakedInOrg(ctx context.Context, in *input, leaks []leak) []string {
	org, err := in.orgState(ctx)
	if err != nil {
		return nil
	}
	fps := map[string]bool{}
	for _, l := range leaks {
		fps[l.fingerprint] = true
	}
	var out []string
	for _, k := range org.Keys {
		if k.Fingerprint != "" && fps[k.Fingerprint] {
			out = append(out, k.ID)
		}
	}
	return out
}
