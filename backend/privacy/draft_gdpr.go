package privacy

import (
	"slices"
	"strings"

	"steward/backend/export"
)

// gdprSection adds what GDPR Art. 13 asks beyond the general sections.
func (b *builder) gdprSection() {
	b.h1("If you are in the EEA or the UK", "适用于欧洲经济区及英国用户的补充说明")
	b.p(b.s("This section applies if the GDPR or the UK GDPR protects your personal data.",
		"如您的个人信息受欧盟《通用数据保护条例》（GDPR）或英国 GDPR 保护，本节内容适用于您。"))
	b.controller()
	b.dpo()
	b.legalBases()
	b.h2("Must you give us your data?", "您是否必须提供个人信息")
	b.p(b.orText(elGDPRProvision, b.a.Provision, "say whether providing the data is a legal or contractual requirement, whether users must provide it, and what happens if they don't",
		"说明提供个人信息是否为法定或合同要求、用户是否必须提供，以及不提供的后果"))
	b.gdprTransfers()
	b.gdprRights()
}

func (b *builder) controller() {
	a := b.a
	b.h2("Controller and representatives", "控制者及代表")
	b.p(b.s(b.orgName()+" is the controller of your personal data: we decide why and how it is processed.",
		b.orgName()+"是您个人信息的控制者，决定处理您个人信息的目的和方式。"))
	if len(a.Organisation.EstablishedIn) == 0 {
		b.p(b.todo(elGDPRIdentity, "where your organisation is established (organisation.established_in); it decides whether you need an EU or UK representative",
			"贵组织在哪些地区设有机构（organisation.established_in），据此判断是否需要指定欧盟或英国代表"))
		return
	}
	reps := []struct {
		region Region
		c      Contact
		en, zh string
	}{
		{RegionEU, a.EURepresentative, "Our representative in the EU", "我们在欧盟的代表"},
		{RegionUK, a.UKRepresentative, "Our representative in the UK", "我们在英国的代表"},
	}
	var fs []export.Field
	for _, r := range reps {
		if !a.needsRepresentative(r.region) {
			continue
		}
		v := b.contactLine(r.c.Name, r.c.Address, r.c.Email)
		if !r.c.complete() {
			v = b.todo(elGDPRIdentity, strings.ToLower(r.en[:1])+r.en[1:]+": name and address or email (Art. 27 GDPR)", r.zh+"：名称及地址或邮箱（GDPR第27条）")
		}
		fs = append(fs, export.Field{Label: b.s(r.en, r.zh), Value: v})
	}
	b.fields(fs)
}

func (b *builder) dpo() {
	d := b.a.DPO
	b.h2("Data protection officer", "数据保护官")
	switch {
	case d.Appointed == nil:
		b.p(b.todo(elGDPRDPO, "say whether you have appointed a data protection officer, and how to reach them", "说明是否任命了数据保护官及其联系方式"))
	case !*d.Appointed:
		b.p(b.s("We have not appointed a data protection officer. Please send any question about your personal data to the contact details above.",
			"我们未任命数据保护官。如对您的个人信息有任何疑问，请通过上述联系方式与我们联系。"))
	default:
		who := b.s("our data protection officer", "我们的数据保护官")
		if has(d.Name) {
			who += " " + d.Name
		}
		email := b.or(elGDPRDPO, d.Email, "the data protection officer's email", "数据保护官的电子邮箱")
		b.p(b.s("You can reach "+who+" at "+email+".", "您可以通过"+email+"联系"+who+"。"))
	}
}

// specialCategories gives the Art. 9(2) condition for each category of
// sensitive data: Art. 6 alone does not allow processing it.
func (b *builder) specialCategories() {
	cats := sensitiveCategories(b.a)
	if len(cats) == 0 {
		return
	}
	var fs []export.Field
	for _, c := range cats {
		v := c.Art9Condition.Label(b.lang)
		if c.Art9Condition == "" {
			v = b.todo(elGDPRArt9, "the Art. 9(2) condition for this special category (special_category_condition)", "该特殊类别数据所依据的第 9 条第 2 款条件（special_category_condition）")
		}
		fs = append(fs, export.Field{Label: dash(b.tx(c.Name)), Value: v})
	}
	b.p(b.s("Some of the data is in the special categories of Art. 9 GDPR. Besides the legal basis above, we rely on these conditions:",
		"部分数据属于 GDPR 第 9 条规定的特殊类别。除上述法律依据外，我们还依据以下条件处理："))
	b.fields(fs)
}

// legalBases covers legitimate interests and consent withdrawal; the bases
// themselves are in the table of purposes.
func (b *builder) legalBases() {
	a := b.a
	b.h2("Legal bases", "法律依据")
	b.p(b.s("The table in “How we use your personal data” gives the legal basis for each purpose.",
		"各处理目的所依据的法律依据，见“我们如何使用您的个人信息”一节中的表格。"))
	var interests []export.Field
	for _, p := range a.Purposes {
		if p.LegalBasis != BasisLegitimateInterests {
			continue
		}
		name := dash(b.tx(p.Purpose))
		interests = append(interests, export.Field{Label: name,
			Value: b.orText(elGDPRInterests, p.LegitimateInterest, "the legitimate interest you pursue with “"+name+"”", "“"+name+"”所追求的正当利益")})
	}
	if len(interests) > 0 {
		b.p(b.s("Where we rely on legitimate interests, these are the interests we pursue:", "对于以正当利益为依据的处理，我们所追求的正当利益如下："))
		b.fields(interests)
		if a.offers(RightObjection) {
			b.p(b.s("You can object to this processing at any time, for reasons relating to your situation.", "您可以基于自身的特殊情况，随时反对此类处理。"))
		}
	}
	b.specialCategories()
	if !needsConsentWithdrawal(a) {
		return
	}
	if !a.offers(RightWithdrawConsent) {
		b.p(b.todo(elGDPRWithdraw, "you rely on consent: add withdraw_consent to the rights you offer", "部分处理以同意为依据：请在用户权利中加入 withdraw_consent（撤回同意）"))
		return
	}
	b.p(b.s("Where we rely on your consent, you can withdraw it at any time. Withdrawing does not make unlawful what we did with your consent before.",
		"对于以您的同意为依据的处理，您可以随时撤回同意；撤回同意不影响撤回前基于同意已进行的处理的合法性。"))
}

func (b *builder) gdprTransfers() {
	a, t := b.a, b.a.Transfers
	b.h2("Transfers outside the EEA and the UK", "向欧洲经济区及英国以外传输")
	switch {
	case t.Abroad == nil:
		b.p(b.todo(elGDPRTransfers, "say whether personal data leaves the EEA or the UK", "说明个人信息是否会传输至欧洲经济区或英国以外"))
		return
	case !*t.Abroad:
		b.p(b.s("We do not transfer your personal data outside the EEA and the UK.", "我们不会将您的个人信息传输至欧洲经济区及英国以外。"))
		return
	case len(t.Transfers) == 0:
		b.p(b.todo(elGDPRTransfers, "list each transfer: recipient, country and safeguard", "逐项列出传输：接收方、国家及保障措施"))
		return
	}
	list := a.transfersFrom(RegionEU, RegionUK)
	if len(list) == 0 {
		b.p(b.s("We do not transfer the personal data of people in the EEA or the UK outside those areas.", "我们不会将欧洲经济区或英国用户的个人信息传输至上述地区以外。"))
		return
	}
	b.transferIntro(list)
	rows := make([][]string, 0, len(list))
	for _, tr := range list {
		rows = append(rows, []string{
			b.or(elGDPRTransfers, tr.Recipient, "the recipient", "接收方"),
			b.orText(elGDPRTransfers, tr.Country, "the country", "所在国家"), b.adequacyCell(tr), b.safeguardCell(tr)})
	}
	b.table([]string{b.s("Recipient", "接收方"), b.s("Country", "所在国家"), b.s("Adequacy decision", "充分性认定"), b.s("Safeguard", "保障措施")}, rows)
	b.p(b.s("To get a copy of these safeguards:", "如需获取上述保障措施的副本："),
		b.orText(elGDPRTransfers, t.CopyHow, "how users can get a copy of the safeguards", "用户获取保障措施副本的方式"))
}

func (b *builder) gdprRights() {
	a := b.a
	b.h2("Your rights under the GDPR", "您在 GDPR 下的权利")
	var missing []string
	for _, r := range []Right{RightAccess, RightCorrection, RightDeletion, RightRestriction, RightObjection, RightPortability} {
		if !a.offers(r) {
			missing = append(missing, string(r))
		}
	}
	if len(missing) > 0 {
		b.p(b.todo(elGDPRRights, "the GDPR also gives these rights, missing from your list: "+strings.Join(missing, ", "),
			"GDPR 规定的以下权利未列入："+strings.Join(missing, "、")))
	} else {
		b.p(b.s("You have the rights to access, rectification, erasure, restriction of processing, objection and data portability, as listed under “Your rights”.",
			"您享有访问、更正、删除、限制处理、反对处理及数据可携带的权利，详见“您的权利”一节。"))
	}
	if !a.offers(RightComplaint) {
		b.p(b.todo(elGDPRComplaint, "add complaint to the rights you offer: users may complain to a supervisory authority",
			"在用户权利中加入 complaint：用户有权向监管机构投诉"))
		return
	}
	b.p(b.s("You may also complain to a data protection supervisory authority, in particular in the country where you live or work, or where you believe the law was broken.",
		"您也可以向数据保护监管机构投诉，尤其是您居住地、工作地或您认为发生违法行为所在地的监管机构。"), b.authority())
}

// authority names the supervisory authority, when given.
func (b *builder) authority() string {
	if b.a.Rights.Authority.Empty() {
		return ""
	}
	return b.s("The supervisory authority responsible for us is "+b.tx(b.a.Rights.Authority)+".", "对我们负有监管职责的机构为"+b.tx(b.a.Rights.Authority)+"。")
}

// transferIntro says whether adequacy decisions cover the transfers, and
// warns of weaker protection only where none does (Art. 13(1)(f)).
func (b *builder) transferIntro(list []Transfer) {
	without := 0
	for _, tr := range list {
		if yes, known := tr.adequate(); known && !yes {
			without++
		}
	}
	if without == 0 {
		b.p(b.s("The table shows, for each transfer, whether an adequacy decision covers the recipient's country and the safeguard we rely on:",
			"下表列明每项传输的接收方所在国家是否有充分性认定，以及我们所依据的保障措施："))
		return
	}
	b.p(b.s("Where no adequacy decision covers the recipient's country, its laws may protect personal data less than the law where you are, and we rely on the safeguard shown:",
		"对于接收方所在国家没有充分性认定的传输，当地法律对个人信息的保护水平可能低于您所在地，我们依据下表所示的保障措施进行传输："))
}

// adequacyCell says whether an adequacy decision covers the transfer.
func (b *builder) adequacyCell(tr Transfer) string {
	yes, known := tr.adequate()
	if !known {
		return b.todo(elGDPRTransfers, "whether an adequacy decision covers this country (adequacy_decision)", "该国家是否有充分性认定（adequacy_decision）")
	}
	return b.yesNo(yes)
}

// safeguardCell names the GDPR and UK GDPR tools a transfer relies on, and
// marks a missing tool for the EU or UK data it carries.
func (b *builder) safeguardCell(tr Transfer) string {
	var sg []string
	for _, s := range tr.Safeguards {
		if s.pipl() {
			continue
		}
		l := s.Label(b.lang)
		if s == SafeguardDerogation {
			l += b.s(": ", "：") + b.orText(elGDPRTransfers, tr.Derogation, "which Art. 49 derogation applies", "适用第 49 条的哪一项例外")
		}
		sg = append(sg, l)
	}
	a := b.a
	if a.carries(tr, RegionEU) && !slices.ContainsFunc(tr.Safeguards, Safeguard.validForEU) {
		sg = append(sg, b.todo(elGDPRTransfers, "a safeguard for EU data (adequacy, scc, dpf, bcr or derogation)", "欧盟数据的保障措施（adequacy、scc、dpf、bcr 或 derogation）"))
	}
	if a.carries(tr, RegionUK) && !slices.ContainsFunc(tr.Safeguards, Safeguard.validForUK) {
		sg = append(sg, b.todo(elGDPRTransfers, "a UK transfer tool (adequacy, uk_idta, uk_addendum, uk_extension, bcr or derogation)", "英国数据的传输工具（adequacy、uk_idta、uk_addendum、uk_extension、bcr 或 derogation）"))
	}
	return joinList(sg, b.lang)
}
