package privacy

import (
	"slices"
	"strings"

	"steward/backend/export"
)

// ccpaSection adds the California notice at collection and privacy policy
// disclosures (CCPA as amended by the CPRA).
func (b *builder) ccpaSection() {
	b.h1("If you live in California", "适用于美国加利福尼亚州居民的补充说明")
	b.p(b.s("This section is our notice at collection and the California part of our privacy policy under the California Consumer Privacy Act (CCPA).",
		"本节是我们依据《加利福尼亚州消费者隐私法》（CCPA）作出的“收集时告知”，也是本政策中专门适用于加利福尼亚州居民的部分。"))
	b.noticeAtCollection()
	b.disclosed()
	b.sellShare()
	b.sensitive()
	b.ccpaRights()
	b.ccpaRequests()
	updated := b.or(elCCPAYearly, b.date(b.a.Changes.LastUpdated), "the date this notice was last updated; update it at least once every 12 months",
		"本政策的最近更新日期；至少每 12 个月更新一次")
	b.p(b.s("Last updated: "+updated+".", "最近更新日期："+updated+"。"))
}

// ccpaRequests says how to submit, verify and delegate a request (Cal. Code
// Regs. tit. 11 §7011(e)).
func (b *builder) ccpaRequests() {
	a, c := b.a, b.a.California
	b.h2("How to submit a request", "如何提出请求")
	fs := []export.Field{
		{Label: b.s("How", "方式"), Value: b.orText(elCCPAExercise, a.Rights.How, "how California residents submit a request", "加州居民提出请求的方式")},
		{Label: b.s("Where", "受理渠道"), Value: b.or(elCCPAExercise, a.Rights.Contact, "the email or web address for requests", "受理请求的邮箱或网址")},
	}
	switch {
	case has(c.TollFree):
		fs = append(fs, export.Field{Label: b.s("Toll-free number", "免费电话"), Value: c.TollFree})
	case c.OnlineOnly == nil || !*c.OnlineOnly:
		fs = append(fs, export.Field{Label: b.s("Toll-free number", "免费电话"), Value: b.todo(elCCPATollFree,
			"a toll-free number for requests, or say that you operate only online (california.online_only)", "受理请求的免费电话，或说明仅在线经营（california.online_only）")})
	}
	fs = append(fs,
		export.Field{Label: b.s("How we verify your request", "如何核验您的请求"), Value: b.orText(elCCPAVerify, c.Verification, "how you verify a request", "如何核验请求")},
		export.Field{Label: b.s("Authorised agents", "授权代理人"), Value: b.orText(elCCPAAgent, c.AgentHow, "how an authorised agent makes a request for someone", "授权代理人如何代为提出请求")},
		export.Field{Label: b.s("Questions about this notice", "咨询"), Value: b.or(elCCPAContact, a.Organisation.Email, "a contact email for questions", "咨询邮箱")})
	b.fields(fs)
}

// disclosed lists, per recipient, the categories it received for a business purpose.
func (b *builder) disclosed() {
	a := b.a
	b.h2("Personal information disclosed for a business purpose", "为商业目的披露的个人信息")
	if len(a.Recipients) == 0 {
		b.p(b.todo(elCCPADisclosed, "the recipients of personal information", "个人信息的接收方"))
		return
	}
	rows := make([][]string, 0, len(a.Recipients))
	for _, r := range a.Recipients {
		cats := b.ccpaNames(r.Categories)
		if len(r.Categories) == 0 {
			cats = b.todo(elCCPADisclosed, "the categories disclosed to "+dash(r.Name), "向"+dash(r.Name)+"披露的个人信息类别")
		}
		role := ""
		if r.Role != "" {
			role = r.Role.Label(b.lang)
		}
		rows = append(rows, []string{cats, dash(r.Name), dash(role), dash(b.tx(r.Purpose))})
	}
	b.p(b.s("In the preceding 12 months we disclosed these categories for a business purpose:", "过去 12 个月内，我们为商业目的披露了以下类别的个人信息："))
	b.table([]string{b.s("Categories", "类别"), b.s("Recipient", "接收方"), b.s("Category of recipient", "接收方类别"), b.s("Business purpose", "商业目的")}, rows)
}

// ccpaNames names the statutory categories of the data categories given.
func (b *builder) ccpaNames(ids []string) string {
	var names []string
	for _, id := range ids {
		if c, ok := b.a.category(id); ok && c.CCPACategory != "" {
			if n := c.CCPACategory.Label(b.lang); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return dash(strings.Join(names, b.s("; ", "、")))
}

func (b *builder) noticeAtCollection() {
	a := b.a
	b.h2("Notice at collection", "收集时告知")
	if len(a.Categories) == 0 {
		b.p(b.todo(elCCPACategories, "list the categories of personal information you collect", "列出您收集的个人信息类别"))
	} else {
		sells := a.California.SellsOrShares != nil && *a.California.SellsOrShares
		rows := make([][]string, 0, len(a.Categories))
		for _, c := range a.Categories {
			rows = append(rows, []string{
				b.orText(elCCPACategories, c.Name, "name this category ("+c.ID+")", "该类别的名称（"+c.ID+"）"),
				b.statutory(c),
				b.orText(elCCPASources, c.Source, "the source of this category", "该类别的来源"),
				b.orText(elCCPARetention, c.Retention, "how long this category is kept", "该类别的保存期限"),
				b.yesNo(sells && c.Sold), b.yesNo(sells && c.Shared)})
		}
		b.p(b.s("In the preceding 12 months we collected, and we continue to collect, the following categories of personal information:",
			"过去 12 个月内我们收集了、并将继续收集以下类别的个人信息："))
		b.table([]string{b.s("Category", "类别"), b.s("Category under the CCPA", "CCPA 法定类别"), b.s("Source", "来源"), b.s("How long we keep it", "保存期限"),
			b.s("Sold", "是否出售"), b.s("Shared", "是否共享")}, rows)
	}
	var purposes []string
	for _, p := range a.Purposes {
		purposes = append(purposes, b.orText(elCCPAPurposes, p.Purpose, "describe this purpose", "说明该目的"))
	}
	if len(purposes) == 0 {
		purposes = append(purposes, b.todo(elCCPAPurposes, "the business purposes you use personal information for", "使用个人信息的商业目的"))
	}
	b.p(b.s("We use it for these purposes:", "我们将其用于以下目的："))
	b.list(purposes)
}

// statutory names a category in the CCPA's terms, or marks it missing.
func (b *builder) statutory(c DataCategory) string {
	if c.CCPACategory == "" {
		return b.todo(elCCPAStatutory, "the CCPA category of "+c.ID+" (ccpa_category)", c.ID+" 对应的 CCPA 法定类别（ccpa_category）")
	}
	l := c.CCPACategory.Label(b.lang)
	if (c.Sensitive || c.LoginCredentials) && c.CCPACategory != CCPASensitiveInfo {
		l += b.s("; sensitive personal information", "；敏感个人信息")
	}
	return l
}

func (b *builder) sellShare() {
	c := b.a.California
	b.h2("Do Not Sell or Share My Personal Information", "请勿出售或共享我的个人信息")
	switch {
	case c.SellsOrShares == nil:
		b.p(b.todo(elCCPASold, "say whether you sell personal information or share it for cross-context behavioural advertising",
			"说明是否出售个人信息，或为跨情境行为广告而共享个人信息"))
	case !*c.SellsOrShares:
		b.p(b.s("We do not sell your personal information or share it for cross-context behavioural advertising, and we have no actual knowledge of selling or sharing the personal information of anyone under 16.",
			"我们不会出售您的个人信息，也不会为跨情境行为广告而共享您的个人信息；我们亦不知悉存在出售或共享未满16周岁者个人信息的情形。"))
	default:
		link := b.or(elCCPASold, c.OptOutLink, "the link to your “Do Not Sell or Share My Personal Information” page", "“请勿出售或共享我的个人信息”页面的链接")
		b.p(b.s("The table above shows which categories we sell or share. You can opt out at any time at "+link+".",
			"上表列明了我们出售或共享的个人信息类别。您可以随时通过"+link+"选择退出。"))
		b.fields([]export.Field{
			{Label: b.s("To whom", "接收方类别"), Value: b.orText(elCCPASaleDetail, c.SaleRecipients, "the categories of third parties you sell or share to", "出售或共享的第三方类别")},
			{Label: b.s("Why", "目的"), Value: b.orText(elCCPASaleDetail, c.SalePurposes, "why you sell or share personal information", "出售或共享的目的")},
		})
	}
	b.p(b.s("Opt-out preference signals: ", "选择退出偏好信号：") +
		b.orText(elCCPASignals, c.OptOutSignals, "how you handle opt-out preference signals such as Global Privacy Control", "如何处理全球隐私控制（GPC）等选择退出偏好信号"))
}

// sensitive covers the right to limit, only when some category is sensitive.
func (b *builder) sensitive() {
	c := b.a.California
	if !ccpaSensitive(b.a) {
		return
	}
	b.h2("Limit the Use of My Sensitive Personal Information", "限制使用我的敏感个人信息")
	switch {
	case c.SensitiveBeyondService == nil:
		b.p(b.todo(elCCPARights, "say whether you use sensitive personal information beyond what is needed to provide the service",
			"说明是否在提供服务所必需的范围之外使用敏感个人信息"))
	case !*c.SensitiveBeyondService:
		b.p(b.s("We use sensitive personal information only as needed to provide our services, so the right to limit its use does not apply.",
			"我们仅在提供服务所必需的范围内使用敏感个人信息，因此不涉及限制使用的权利。"))
	default:
		link := b.or(elCCPARights, c.LimitLink, "the link to your “Limit the Use of My Sensitive Personal Information” page", "“限制使用我的敏感个人信息”页面的链接")
		b.p(b.s("You can limit our use of your sensitive personal information at "+link+".", "您可以通过"+link+"限制我们对您敏感个人信息的使用。"))
	}
}

func (b *builder) ccpaRights() {
	a := b.a
	b.h2("Your California privacy rights", "您在加州法律下的权利")
	rights := []struct {
		r      Right
		en, zh string
	}{
		{RightAccess, "Right to know what personal information we collect, use and disclose, and to get a copy of it.", "知情权：了解我们收集、使用和披露的个人信息，并获取副本。"},
		{RightDeletion, "Right to delete personal information we collected from you.", "删除权：要求删除我们从您处收集的个人信息。"},
		{RightCorrection, "Right to correct inaccurate personal information.", "更正权：要求更正不准确的个人信息。"},
	}
	var items, missing []string
	for _, r := range rights {
		if a.offers(r.r) {
			items = append(items, b.s(r.en, r.zh))
		} else {
			missing = append(missing, string(r.r))
		}
	}
	if ccpaSensitive(a) {
		items = append(items, b.s("Right to opt out of the sale or sharing of personal information, and to limit the use of sensitive personal information, as described above.",
			"选择退出出售或共享个人信息、限制使用敏感个人信息的权利，见上文。"))
	} else {
		items = append(items, b.s("Right to opt out of the sale or sharing of personal information, as described above.",
			"选择退出出售或共享个人信息的权利，见上文。"))
	}
	b.list(items)
	if len(missing) > 0 {
		b.p(b.todo(elCCPARights, "the CCPA also gives these rights, missing from your list: "+strings.Join(missing, ", "),
			"CCPA 规定的以下权利未列入："+strings.Join(missing, "、")))
	}
	b.p(b.s("We will not discriminate against you for using these rights: we will not deny you service, charge you a different price or give you a lower quality of service because you used them.",
		"我们不会因您行使上述权利而歧视您，包括拒绝提供服务、收取不同价格或降低服务质量。"))
}
