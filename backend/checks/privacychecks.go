package checks

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"steward/backend/checklist"
	"steward/backend/privacy"
)

// privacyChecks prove the notice items from the newest privacy draft and
// the completeness check saved with it.
func privacyChecks() []check {
	src := []string{SourcePrivacy}
	return []check{
		{item: "DP-06", title: checklist.Text{En: "The privacy draft says whether the provider trains on your data and how long it keeps it",
			Zh: "隐私政策草稿说明了服务商是否用数据训练模型及保留多久"}, sources: src, run: checkTraining},
		{item: "DP-07", title: checklist.Text{En: "A privacy draft with nothing missing that covers the workspace's regions",
			Zh: "隐私政策草稿内容完整，并覆盖本工作区的地区"}, sources: src, run: checkNotice},
		{item: "DP-12", title: checklist.Text{En: "For EU/UK users: the draft's GDPR Art. 13 elements are all present",
			Zh: "面向欧盟/英国用户时：草稿包含 GDPR 第 13 条要求的全部内容"}, sources: src, run: regimeCheck("gdpr", []string{"eu", "uk"}, "GDPR", "GDPR")},
		{item: "DP-13", title: checklist.Text{En: "For California users: the draft's CCPA/CPRA elements are all present",
			Zh: "面向加州用户时：草稿包含 CCPA/CPRA 要求的全部内容"}, sources: src, run: regimeCheck("ccpa", []string{"california"}, "CCPA/CPRA", "CCPA/CPRA")},
		{item: "DP-14", title: checklist.Text{En: "For users in mainland China: the draft's PIPL elements are all present",
			Zh: "面向中国大陆用户时：草稿包含《个人信息保护法》要求的全部内容"}, sources: src, run: regimeCheck("pipl", []string{"china"}, "PIPL", "《个人信息保护法》")},
		{item: "DP-16", title: checklist.Text{En: "The draft states a minimum age and, under 16, parental consent",
			Zh: "草稿写明最低年龄；低于 16 岁时说明监护人同意"}, sources: src, run: checkChildren},
	}
}

// draftRead returns the newest draft, or says why there is none.
func draftRead(ctx context.Context, in *input) (*privacy.SavedDraft, map[string]any, *outcome) {
	if in.src.Privacy == nil {
		o := notConnected("the privacy drafts", "隐私政策草稿")
		return nil, nil, &o
	}
	d, err := in.latestDraft(ctx)
	if err != nil {
		o := unreadable("the privacy drafts", "隐私政策草稿", err)
		return nil, nil, &o
	}
	if d == nil {
		o := unknown("No privacy draft is saved yet.", "尚未保存隐私政策草稿。", map[string]any{"drafts": 0})
		return nil, nil, &o
	}
	ev := map[string]any{"draft_id": d.ID, "draft_created_at": d.CreatedAt, "draft_regions": draftRegions(d), "missing_total": d.Check.Missing}
	return d, ev, nil
}

func draftRegions(d *privacy.SavedDraft) []string {
	out := []string{}
	for _, r := range d.Answers.Users.Regions {
		out = append(out, string(r))
	}
	return out
}

// regime finds one regime's elements in the draft's check.
func regime(d *privacy.SavedDraft, name string) (privacy.RegimeCheck, bool) {
	for _, r := range d.Check.Regimes {
		if r.Name == name {
			return r, true
		}
	}
	return privacy.RegimeCheck{}, false
}

func missingIn(r privacy.RegimeCheck) []string {
	out := []string{}
	for _, e := range r.Elements {
		if !e.Present {
			out = append(out, e.ID)
		}
	}
	return out
}

// workspaceRegions are the regions the workspace names, else the draft's.
func workspaceRegions(in *input, d *privacy.SavedDraft) []string {
	if len(in.scope.regions) > 0 {
		return in.scope.regions
	}
	return draftRegions(d)
}

func checkNotice(ctx context.Context, in *input) outcome {
	d, ev, o := draftRead(ctx, in)
	if o != nil {
		return *o
	}
	want := workspaceRegions(in, d)
	var uncovered []string
	for _, r := range want {
		if !slices.Contains(draftRegions(d), r) {
			uncovered = append(uncovered, r)
		}
	}
	ev["workspace_regions"], ev["uncovered_regions"] = want, uncovered
	switch {
	case len(uncovered) > 0:
		return fail(fmt.Sprintf("The draft does not cover %s.", strings.Join(uncovered, ", ")),
			fmt.Sprintf("草稿未覆盖：%s。", strings.Join(uncovered, "、")), ev)
	case d.Check.Missing > 0:
		return fail(fmt.Sprintf("The draft of %s misses %d element(s).", d.CreatedAt, d.Check.Missing),
			fmt.Sprintf("%s 的草稿缺少 %d 项内容。", d.CreatedAt, d.Check.Missing), ev)
	}
	return pass(fmt.Sprintf("The draft of %s has every element for its regions.", d.CreatedAt),
		fmt.Sprintf("%s 的草稿包含其所覆盖地区要求的全部内容。", d.CreatedAt), ev)
}

// regimeCheck checks one regime when the workspace serves one of its regions.
func regimeCheck(name string, regions []string, law, lawZh string) func(context.Context, *input) outcome {
	return func(ctx context.Context, in *input) outcome {
		d, ev, o := draftRead(ctx, in)
		if o != nil {
			return *o
		}
		want := workspaceRegions(in, d)
		ev["workspace_regions"] = want
		if !slices.ContainsFunc(regions, func(r string) bool { return slices.Contains(want, r) }) {
			return unknown(fmt.Sprintf("The workspace names no region where %s applies.", law),
				fmt.Sprintf("本工作区未列出适用%s的地区。", lawZh), ev)
		}
		rc, ok := regime(d, name)
		if !ok {
			return fail(fmt.Sprintf("The draft does not cover %s: add the region to the questionnaire.", law),
				fmt.Sprintf("草稿未涵盖%s：请在问卷中添加相应地区。", lawZh), ev)
		}
		missing := missingIn(rc)
		ev["elements"], ev["missing"] = len(rc.Elements), missing
		if len(missing) > 0 {
			return fail(fmt.Sprintf("%d %s element(s) missing: %s.", len(missing), law, strings.Join(missing, ", ")),
				fmt.Sprintf("缺少 %d 项%s要求的内容：%s。", len(missing), lawZh, strings.Join(missing, "、")), ev)
		}
		return pass(fmt.Sprintf("All %d %s elements are present.", len(rc.Elements), law),
			fmt.Sprintf("%s要求的 %d 项内容均已具备。", lawZh, len(rc.Elements)), ev)
	}
}

func checkTraining(ctx context.Context, in *input) outcome {
	d, ev, o := draftRead(ctx, in)
	if o != nil {
		return *o
	}
	ai := d.Answers.AI
	answered := ai.ProviderTrainsOnData != nil
	retention := strings.TrimSpace(ai.ProviderRetention.En+ai.ProviderRetention.Zh) != ""
	ev["training_answered"], ev["retention_answered"] = answered, retention
	if !answered || !retention {
		return fail("The draft does not say whether the provider trains on your data and how long it keeps it.",
			"草稿未说明服务商是否用您的数据训练模型以及保留多久。", ev)
	}
	return pass("The draft says whether the provider trains on your data and how long it keeps it.",
		"草稿已说明服务商是否用您的数据训练模型以及保留多久。", ev)
}

func checkChildren(ctx context.Context, in *input) outcome {
	d, ev, o := draftRead(ctx, in)
	if o != nil {
		return *o
	}
	c := d.Answers.Children
	ev["minimum_age"], ev["parental_consent_answered"] = c.MinimumAge, c.ParentalConsent != nil
	switch {
	case c.MinimumAge <= 0:
		return fail("The draft states no minimum age.", "草稿未写明最低年龄。", ev)
	case c.MinimumAge < 16 && c.ParentalConsent == nil:
		return fail(fmt.Sprintf("The minimum age is %d but parental consent is not addressed.", c.MinimumAge),
			fmt.Sprintf("最低年龄为 %d 岁，但未说明监护人同意。", c.MinimumAge), ev)
	}
	return pass(fmt.Sprintf("The draft states a minimum age of %d.", c.MinimumAge),
		fmt.Sprintf("草稿写明最低年龄为 %d 岁。", c.MinimumAge), ev)
}
