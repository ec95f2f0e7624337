package privacy

import (
	"strconv"
	"strings"

	"steward/backend/export"
)

// general writes the sections every notice has, whatever the region.
func (b *builder) general() {
	b.about()
	b.whoWeAre()
	b.collected()
	b.uses()
	b.aiSection()
	b.sharing()
	b.retention()
	b.rights()
	b.automated()
	b.children()
	b.cookies()
	b.security()
}

func (b *builder) about() {
	a := b.a
	b.h1("About this notice", "关于本政策")
	products := joinTexts(a.Products, b.lang)
	if !productsGiven(a) {
		products = b.todo(elProducts, "the products and services this notice covers", "本政策适用的产品和服务")
	}
	who, zhWho := b.orgName()+" (“we”, “us”) handles", b.orgName()+"（以下简称“我们”）"
	if !has(a.Organisation.Name) {
		who, zhWho = "we handle", "我们"
	}
	b.p(b.s("This notice explains how "+who+" personal data when you use "+products+".",
		"本政策说明"+zhWho+"在您使用"+products+"时，如何处理您的个人信息。"))
	if !regionsGiven(a) {
		b.p(b.todo(elRegions, "where your users are (eu, uk, california, china, elsewhere)", "用户所在地区（eu、uk、california、china、elsewhere）"))
		return
	}
	var where []string
	for _, r := range Regions {
		if a.selected(r) {
			where = append(where, r.Label(b.lang))
		}
	}
	b.p(b.s("It is written for people using our services in "+joinList(where, b.lang)+". Sections that apply only in some places say so in their titles.",
		"本政策适用于"+joinList(where, b.lang)+"的用户。仅适用于特定地区的内容，会在标题中注明。"))
}

func (b *builder) whoWeAre() {
	o := b.a.Organisation
	b.h1("Who we are and how to reach us", "我们是谁以及如何联系我们")
	fs := []export.Field{
		{Label: b.s("Organisation", "名称"), Value: b.or(elOrganisation, o.Name, "your organisation's legal name", "贵组织的法定名称")},
		{Label: b.s("Address", "地址"), Value: b.or(elOrganisation, o.Address, "your postal address", "通信地址")},
		{Label: b.s("Email", "电子邮箱"), Value: b.or(elOrganisation, o.Email, "a contact email for privacy questions", "处理个人信息相关问题的联系邮箱")},
	}
	if has(o.Phone) {
		fs = append(fs, export.Field{Label: b.s("Phone", "电话"), Value: o.Phone})
	}
	if has(o.Website) {
		fs = append(fs, export.Field{Label: b.s("Website", "网站"), Value: o.Website})
	}
	if d := b.a.DPO; d.Appointed != nil && *d.Appointed && has(d.Email) {
		fs = append(fs, export.Field{Label: b.s("Data protection officer", "数据保护官"), Value: b.contactLine(d.Name, d.Email)})
	}
	b.fields(fs)
}

// contactLine joins the parts of a contact that are given.
func (b *builder) contactLine(parts ...string) string {
	var out []string
	for _, p := range parts {
		if has(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, b.s("; ", "；"))
}

func (b *builder) collected() {
	a := b.a
	b.h1("Personal data we collect", "我们收集的个人信息")
	if len(a.Categories) == 0 {
		b.p(b.todo(elCategories, "list the kinds of personal data you collect and where each comes from", "列出您收集的个人信息种类及各自的来源"))
		return
	}
	rows := make([][]string, 0, len(a.Categories))
	var sensitive []string
	for _, c := range a.Categories {
		name := b.orText(elCategories, c.Name, "name this kind of data ("+c.ID+")", "该类个人信息的名称（"+c.ID+"）")
		rows = append(rows, []string{name, dash(b.tx(c.Examples)),
			b.orText(elSources, c.Source, "where this data comes from", "该类信息的来源")})
		if c.Sensitive {
			sensitive = append(sensitive, name)
		}
	}
	b.table([]string{b.s("Kind of data", "个人信息种类"), b.s("Examples", "示例"), b.s("Where it comes from", "来源")}, rows)
	if len(sensitive) > 0 {
		b.p(b.s("Of these, "+joinList(sensitive, b.lang)+" is sensitive personal data.",
			"其中，"+joinList(sensitive, b.lang)+"属于敏感个人信息。"))
	}
}

func (b *builder) uses() {
	a := b.a
	b.h1("How we use your personal data", "我们如何使用您的个人信息")
	if len(a.Purposes) == 0 {
		b.p(b.todo(elPurposes, "list what you use personal data for", "列出处理个人信息的目的"))
		return
	}
	header := []string{b.s("Purpose", "处理目的"), b.s("Data used", "涉及的个人信息")}
	if a.gdpr() {
		header = append(header, b.s("Legal basis (GDPR)", "法律依据（GDPR）"))
	}
	if a.selected(RegionChina) {
		header = append(header, b.s("How it is processed", "处理方式"))
	}
	rows := make([][]string, 0, len(a.Purposes))
	for _, p := range a.Purposes {
		row := []string{b.orText(elPurposes, p.Purpose, "describe this purpose", "说明该处理目的"), dash(b.categoryNames(p.Categories))}
		if a.gdpr() {
			basis := p.LegalBasis.Label(b.lang)
			if p.LegalBasis == "" {
				basis = b.todo(elGDPRBases, "the legal basis for this purpose", "该目的的法律依据")
			}
			row = append(row, basis)
		}
		if a.selected(RegionChina) {
			row = append(row, b.orText(elPIPLPurposes, p.Method, "how the data is processed for this purpose", "该目的下的处理方式"))
		}
		rows = append(rows, row)
	}
	b.table(header, rows)
}

// sharing lists the recipients. In Chinese, processors are entrusted with
// processing (委托处理, PIPL Art. 21) and independent handlers are provided
// with data (提供, Art. 23); the heading and roles keep the two apart.
func (b *builder) sharing() {
	a := b.a
	b.h1("Who we share it with", "委托处理和对外提供")
	if len(a.Recipients) == 0 {
		b.p(b.todo(elRecipients, "list who receives personal data (service providers, your AI provider, others)", "列出个人信息的接收方（受托人、AI 服务提供方等）"))
		return
	}
	b.p(b.s("Service providers process personal data only on our instructions and for our purposes; independent organisations decide for themselves how they use what we give them.",
		"受托人仅按照我们的委托和约定的目的处理个人信息；其他个人信息处理者自行决定如何处理我们向其提供的个人信息。"))
	rows := make([][]string, 0, len(a.Recipients))
	for _, r := range a.Recipients {
		role := ""
		if r.Role != "" {
			role = r.Role.Label(b.lang)
		}
		rows = append(rows, []string{
			b.or(elRecipients, r.Name, "the recipient's name", "接收方名称"), dash(role),
			b.orText(elRecipients, r.Purpose, "why this recipient gets the data", "该接收方获得个人信息的目的"),
			dash(b.categoryNames(r.Categories)), dash(b.tx(r.Location))})
	}
	b.table([]string{b.s("Recipient", "接收方"), b.s("Role", "身份"), b.s("Purpose", "目的"), b.s("Personal data", "涉及的个人信息"), b.s("Location", "所在地")}, rows)
}

func (b *builder) retention() {
	a := b.a
	b.h1("How long we keep it", "保存期限")
	if len(a.Categories) == 0 {
		b.p(b.todo(elRetention, "how long you keep each kind of data, or how you decide", "各类个人信息的保存期限或确定期限的标准"))
		return
	}
	rows := make([][]string, 0, len(a.Categories))
	for _, c := range a.Categories {
		rows = append(rows, []string{dash(b.tx(c.Name)),
			b.orText(elRetention, c.Retention, "how long this data is kept", "该类信息的保存期限")})
	}
	b.table([]string{b.s("Kind of data", "个人信息种类"), b.s("How long we keep it", "保存期限")}, rows)
}

func (b *builder) rights() {
	a := b.a
	b.h1("Your rights", "您的权利")
	var items []string
	for _, r := range Rights {
		if a.offers(r) {
			items = append(items, r.Label(b.lang))
		}
	}
	switch {
	case len(items) > 0:
		b.p(b.s("Depending on the law where you live, you can:", "根据您所在地的法律，您有权："))
		b.list(items)
	case a.gdpr():
		b.p(b.todo(elGDPRRights, "list the rights you offer", "列出用户享有的权利"))
	case a.selected(RegionCalifornia):
		b.p(b.todo(elCCPARights, "list the rights you offer", "列出用户享有的权利"))
	}
	r := a.Rights
	days := b.days(elRights, r.ResponseDays, "how many days you take to answer", "答复期限（天数）")
	b.fields([]export.Field{
		{Label: b.s("How to make a request", "行使方式"), Value: b.orText(elRights, r.How, "how users make a request", "用户提出请求的方式")},
		{Label: b.s("Where to send it", "联系方式"), Value: b.or(elRights, r.Contact, "the email or web address for requests", "受理请求的邮箱或网址")},
		{Label: b.s("When we answer", "答复时限"), Value: b.s("within "+days+" days", days+"日内")},
	})
}

func (b *builder) automated() {
	d := b.a.AutomatedDecisions
	b.h1("Automated decisions", "自动化决策")
	switch {
	case d.Used == nil:
		b.p(b.todo(elAutomated, "say whether you make decisions with legal or similarly significant effects solely by automated means",
			"说明是否仅通过自动化方式作出对个人有法律影响或类似重大影响的决定"))
	case !*d.Used:
		b.p(b.s("We do not make decisions about you based solely on automated processing that have legal or similarly significant effects on you.",
			"我们不会仅通过自动化决策的方式，作出对您的权益有法律影响或类似重大影响的决定。"))
	default:
		b.p(b.s("We make some decisions about you by automated means alone. How they work and what they mean for you:",
			"我们会仅通过自动化方式作出部分涉及您的决定。其运行逻辑及对您的影响如下："))
		b.fields([]export.Field{
			{Label: b.s("The logic involved", "运行逻辑"), Value: b.orText(elAutomated, d.Logic, "the logic involved", "自动化决策的运行逻辑")},
			{Label: b.s("Significance and consequences", "影响及可能后果"), Value: b.orText(elAutomated, d.Significance, "what the decisions mean for the user", "决定对用户的影响及可能后果")},
		})
	}
}

func (b *builder) children() {
	c := b.a.Children
	b.h1("Children", "未成年人")
	if c.MinimumAge <= 0 {
		b.p(b.todo(elChildren, "the minimum age to use your services", "使用产品和服务的最低年龄"))
	} else {
		age := strconv.Itoa(c.MinimumAge)
		b.p(b.s("You must be at least "+age+" years old to use our services.", "您须年满"+age+"周岁方可使用我们的产品和服务。"))
	}
	if c.MinimumAge > 0 && c.MinimumAge < 16 {
		switch {
		case c.ParentalConsent == nil:
			b.p(b.todo(elChildren, "say whether you ask for a parent's or guardian's consent for younger users", "说明对较小的用户是否取得父母或者其他监护人的同意"))
		case *c.ParentalConsent:
			b.p(b.s("If you are below the age at which the law where you live lets you consent on your own, we ask for the consent of your parent or guardian.",
				"如您未达到所在地法律规定可自行作出同意的年龄，我们将取得您的父母或者其他监护人的同意。"))
		default:
			b.p(b.s("We do not ask for a parent's or guardian's consent.", "我们不会另行征得父母或者其他监护人的同意。"))
		}
	}
	b.p(b.tx(c.Details))
}

func (b *builder) cookies() {
	c := b.a.Cookies
	b.h1("Cookies and analytics", "Cookie 与统计分析")
	switch {
	case c.Used == nil:
		b.p(b.todo(elCookies, "say whether you use cookies, similar technologies or analytics", "说明是否使用 Cookie、同类技术或统计分析工具"))
	case !*c.Used:
		b.p(b.s("We do not use cookies, similar technologies or analytics tools.", "我们不使用 Cookie、同类技术或统计分析工具。"))
	case c.Details.Empty() && len(c.Analytics) == 0:
		b.p(b.todo(elCookies, "which cookies and analytics tools you use, and why", "使用了哪些 Cookie 和统计分析工具及其用途"))
	default:
		b.p(b.tx(c.Details))
		if len(c.Analytics) > 0 {
			b.p(b.s("Analytics tools we use: "+joinTexts(c.Analytics, b.lang)+".", "我们使用的统计分析工具："+joinTexts(c.Analytics, b.lang)+"。"))
		}
	}
}

func (b *builder) security() {
	b.h1("How we protect your data", "我们如何保护您的个人信息")
	if !securityGiven(b.a) {
		b.p(b.todo(elSecurity, "the security measures you take", "您采取的安全保护措施"))
		return
	}
	var items []string
	for _, t := range b.a.Security {
		if !t.Empty() {
			items = append(items, b.tx(t))
		}
	}
	b.list(items)
}

func (b *builder) changes() {
	c := b.a.Changes
	b.h1("Changes to this notice", "本政策的变更")
	b.p(b.orText(elChanges, c.HowNotified, "how you will tell users about changes", "政策变更时通知用户的方式"))
	date := b.or(elChanges, b.date(c.EffectiveDate), "the effective date", "生效日期")
	b.p(b.s("This notice takes effect on "+date+".", "本政策自"+date+"起生效。"))
}
