package checks

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"steward/backend/checklist"
	"steward/backend/keys"
	"steward/backend/secret"
)

// keyChecks prove the key-hygiene items from the key register and, when
// connected, the organization.
func keyChecks() []check {
	src := []string{SourceKeys, SourceLeaks, SourceOrg}
	return []check{
		{item: "KH-01", title: checklist.Text{En: "No key is shared; every member (and every organization user) has their own",
			Zh: "没有共用密钥；每位成员（及组织中的每位用户）都有自己的密钥"}, sources: src, run: checkOwnKeys},
		{item: "KH-02", title: checklist.Text{En: "Every current key is held in the vault, none only in files",
			Zh: "每个在用密钥都保存在密钥库中"}, sources: src, run: checkVaulted},
		{item: "KH-06", title: checklist.Text{En: "No key is older than its rotation policy (organization created_at when connected)",
			Zh: "没有超过轮换周期的密钥（已连接组织时按组织的创建时间）"}, sources: src, run: checkRotation},
		{item: "KH-07", title: checklist.Text{En: "No current key is a legacy user key with full access",
			Zh: "没有拥有全部权限的旧式用户密钥"}, sources: src, run: checkLeastAccess},
		{item: "KH-08", title: checklist.Text{En: "No key belongs to someone who left; no key the API rejects",
			Zh: "没有离职人员的密钥，也没有被 API 拒绝的密钥"}, sources: src, run: checkLeavers},
		{item: "KH-10", title: checklist.Text{En: "No admin key is kept on this machine",
			Zh: "本机未保存管理员密钥"}, sources: src, run: checkAdminKeys},
	}
}

// current returns the register's current keys.
func current(ks []keys.Key) []keys.Key {
	var out []keys.Key
	for _, k := range ks {
		if k.Current() {
			out = append(out, k)
		}
	}
	return out
}

func findingsOf(fs []keys.Finding, kinds ...string) []keys.Finding {
	var out []keys.Finding
	for _, f := range fs {
		if slices.Contains(kinds, f.Kind) {
			out = append(out, f)
		}
	}
	return out
}

func findingIDs(fs []keys.Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}

// registerRead reads the current keys and findings, or says why it cannot.
func registerRead(ctx context.Context, in *input) ([]keys.Key, []keys.Finding, *outcome) {
	if in.src.Keys == nil {
		o := notConnected("the key register", "密钥登记册")
		return nil, nil, &o
	}
	ks, err := in.registerKeys(ctx)
	if err != nil {
		o := unreadable("the key register", "密钥登记册", err)
		return nil, nil, &o
	}
	fs, err := in.keyFindings(ctx)
	if err != nil {
		o := unreadable("the key register's findings", "密钥登记册的问题", err)
		return nil, nil, &o
	}
	if len(current(ks)) == 0 {
		o := unknown("No key is registered yet.", "尚未登记任何密钥。", map[string]any{"current_keys": 0})
		return nil, nil, &o
	}
	return ks, fs, nil
}

func checkOwnKeys(ctx context.Context, in *input) outcome {
	ks, fs, o := registerRead(ctx, in)
	if o != nil {
		return *o
	}
	members, err := in.registerMembers(ctx)
	if err != nil {
		return unreadable("the members", "成员", err)
	}
	bad := findingsOf(fs, keys.FindingSharedKey, keys.FindingMemberWithoutKey)
	ev := map[string]any{"members": len(members), "current_keys": len(current(ks)), "findings": findingIDs(bad)}
	var orgless []string
	if org, err := in.orgState(ctx); err == nil {
		orgless = usersWithoutKey(org)
		ev["org_users"], ev["org_users_without_key"] = len(org.Users), orgless
	} else {
		ev["org"] = "not connected"
	}
	switch {
	case len(bad) > 0:
		return fail(fmt.Sprintf("%d finding(s): a shared key or a member without a key of their own.", len(bad)),
			fmt.Sprintf("%d 个问题：存在共用密钥或没有自己密钥的成员。", len(bad)), ev)
	case len(orgless) > 0:
		return fail(fmt.Sprintf("%d organization user(s) have no key of their own: %s.", len(orgless), strings.Join(orgless, ", ")),
			fmt.Sprintf("组织中有 %d 位用户没有自己的密钥：%s。", len(orgless), strings.Join(orgless, "、")), ev)
	}
	return pass(fmt.Sprintf("All %d members have their own key; none is shared.", len(members)),
		fmt.Sprintf("全部 %d 位成员都有自己的密钥，没有共用。", len(members)), ev)
}

// usersWithoutKey lists organization users (by email) who own no key.
func usersWithoutKey(org *OrgState) []string {
	owners := map[string]bool{}
	for _, k := range org.Keys {
		if k.OwnerType == "user" {
			owners[k.OwnerID] = true
			owners[strings.ToLower(k.OwnerEmail)] = true
		}
	}
	var out []string
	for _, u := range org.Users {
		if !owners[u.ID] && !owners[strings.ToLower(u.Email)] {
			out = append(out, u.Email)
		}
	}
	slices.Sort(out)
	return out
}

func checkVaulted(ctx context.Context, in *input) outcome {
	ks, _, o := registerRead(ctx, in)
	if o != nil {
		return *o
	}
	cur := current(ks)
	ev := map[string]any{"current_keys": len(cur), "labels": labels(cur)}
	if in.src.Leaks != nil {
		scans, err := in.lastScans(ctx, false)
		if err != nil {
			return unreadable("the leak scans", "泄露扫描", err)
		}
		var inFiles []string
		fps := fingerprints(cur)
		for _, sc := range scans {
			for _, f := range sc.findings {
				if fps[f.Fingerprint] {
					inFiles = append(inFiles, sc.Root+"/"+f.File)
				}
			}
		}
		ev["found_in_files"] = inFiles
		if len(inFiles) > 0 {
			return fail(fmt.Sprintf("%d current key(s) also sit in files: %s.", len(inFiles), strings.Join(inFiles, ", ")),
				fmt.Sprintf("有 %d 处文件中也存放着在用密钥：%s。", len(inFiles), strings.Join(inFiles, "、")), ev)
		}
	}
	return pass(fmt.Sprintf("All %d current keys are held in the vault.", len(cur)),
		fmt.Sprintf("全部 %d 个在用密钥都保存在密钥库中。", len(cur)), ev)
}

func labels(ks []keys.Key) []string {
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		out = append(out, k.Label)
	}
	return out
}

func fingerprints(ks []keys.Key) map[string]bool {
	out := map[string]bool{}
	for _, k := range ks {
		out[k.Fingerprint] = true
	}
	return out
}

func checkRotation(ctx context.Context, in *input) outcome {
	ks, fs, o := registerRead(ctx, in)
	if o != nil {
		return *o
	}
	overdue := findingsOf(fs, keys.FindingRotationOverdue)
	ev := map[string]any{"current_keys": len(current(ks)), "findings": findingIDs(overdue)}
	var orgOld []string
	if org, err := in.orgState(ctx); err == nil {
		limit, err := longestPolicy(ctx, in)
		if err != nil {
			return unreadable("the rotation policies", "轮换策略", err)
		}
		for _, k := range org.Keys {
			if !k.CreatedAt.IsZero() && in.days(k.CreatedAt) >= limit {
				orgOld = append(orgOld, k.ID)
			}
		}
		ev["org_keys"], ev["org_keys_overdue"], ev["org_policy_days"] = len(org.Keys), orgOld, limit
	}
	if n := len(overdue) + len(orgOld); n > 0 {
		return fail(fmt.Sprintf("%d key(s) are older than the rotation policy.", n),
			fmt.Sprintf("有 %d 个密钥超过了轮换周期。", n), ev)
	}
	return pass("No key is older than its rotation policy.", "没有超过轮换周期的密钥。", ev)
}

// longestPolicy is the longest rotation period of any environment: an
// organization key unmatched to an environment is judged by it.
func longestPolicy(ctx context.Context, in *input) (int, error) {
	ps, err := in.src.Keys.Policies(ctx)
	if err != nil {
		return 0, err
	}
	days := keys.DefaultRotationDays
	for i, p := range ps {
		if i == 0 || p.RotationDays > days {
			days = p.RotationDays
		}
	}
	return days, nil
}

func checkLeastAccess(ctx context.Context, in *input) outcome {
	ks, _, o := registerRead(ctx, in)
	if o != nil {
		return *o
	}
	var legacy []string
	kinds := map[string]int{}
	for _, k := range current(ks) {
		kinds[k.Kind]++
		if k.Kind == secret.KindLegacyUser {
			legacy = append(legacy, k.Label)
		}
	}
	ev := map[string]any{"kinds": kinds, "legacy_keys": legacy}
	if len(legacy) > 0 {
		return fail(fmt.Sprintf("%d legacy user key(s) with full access: %s. Use project keys.", len(legacy), strings.Join(legacy, ", ")),
			fmt.Sprintf("有 %d 个拥有全部权限的旧式用户密钥：%s。请改用项目密钥。", len(legacy), strings.Join(legacy, "、")), ev)
	}
	return pass("Every current key is a project, service-account or admin key.", "所有在用密钥都是项目、服务账号或管理员密钥。", ev)
}

func checkLeavers(ctx context.Context, in *input) outcome {
	ks, fs, o := registerRead(ctx, in)
	if o != nil {
		return *o
	}
	rejected := findingsOf(fs, keys.FindingVerifyFailed)
	ev := map[string]any{"current_keys": len(current(ks)), "findings": findingIDs(rejected)}
	if len(rejected) > 0 {
		return fail(fmt.Sprintf("%d key(s) the API rejects are still on the register.", len(rejected)),
			fmt.Sprintf("登记册中仍有 %d 个被 API 拒绝的密钥。", len(rejected)), ev)
	}
	org, err := in.orgState(ctx)
	if err != nil {
		return orgUnknown(err, ev)
	}
	people := map[string]bool{}
	for _, u := range org.Users {
		people[u.ID], people[strings.ToLower(u.Email)] = true, true
	}
	var orphans []string
	for _, k := range org.Keys {
		if k.OwnerType == "user" && !people[k.OwnerID] && !people[strings.ToLower(k.OwnerEmail)] {
			orphans = append(orphans, k.ID)
		}
	}
	ev["org_keys"], ev["org_keys_of_leavers"] = len(org.Keys), orphans
	if len(orphans) > 0 {
		return fail(fmt.Sprintf("%d organization key(s) belong to people no longer in the organization.", len(orphans)),
			fmt.Sprintf("组织中有 %d 个密钥属于已不在组织中的人员。", len(orphans)), ev)
	}
	return pass("Every organization key belongs to a current member.", "组织中的每个密钥都属于现有成员。", ev)
}

// orgUnknown is the outcome when the organization is needed and not there.
func orgUnknown(err error, ev map[string]any) outcome {
	if ev == nil {
		ev = map[string]any{}
	}
	ev["connected"] = false
	if err == ErrNotConnected {
		return unknown("Not connected: connect the OpenAI organization to check this.", "未连接：请连接 OpenAI 组织后再检查。", ev)
	}
	ev["error"] = err.Error()
	return unknown("Could not read the organization: "+err.Error(), "无法读取组织信息："+err.Error(), ev)
}

func checkAdminKeys(ctx context.Context, in *input) outcome {
	ks, fs, o := registerRead(ctx, in)
	if o != nil {
		return *o
	}
	admin := findingsOf(fs, keys.FindingAdminKeyLocal)
	ev := map[string]any{"current_keys": len(current(ks)), "findings": findingIDs(admin)}
	if len(admin) > 0 {
		return fail(fmt.Sprintf("%d admin key(s) are kept on this machine.", len(admin)),
			fmt.Sprintf("本机保存了 %d 个管理员密钥。", len(admin)), ev)
	}
	return pass("No admin key is kept on this machine.", "本机未保存管理员密钥。", ev)
}

// parseStamp reads an RFC 3339 stamp; the zero time when empty or bad.
func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}
