package privacy

import (
	"strconv"

	"steward/backend/export"
)

// piplSection adds the handling rules PIPL Art. 17 requires, the Art. 39
// disclosures for providing data abroad and the Art. 53 representative.
func (b *builder) piplSection() {
	a := b.a
	b.h1("If you are in mainland China", "适用于中国大陆用户的个人信息处理规则")
	b.p(b.s("This section sets out, for users in mainland China, our rules for handling personal information under the Personal Information Protection Law of the People's Republic of China (PIPL).",
		"本节依据《中华人民共和国个人信息保护法》，向中国大陆用户说明我们处理个人信息的规则。"))
	b.handler()
	b.h2("Purposes and methods of processing", "处理目的和处理方式")
	if len(a.Purposes) == 0 {
		b.p(b.todo(elPIPLPurposes, "the purposes and methods of processing", "个人信息的处理目的和处理方式"))
	} else {
		rows := make([][]string, 0, len(a.Purposes))
		for _, p := range a.Purposes {
			rows = append(rows, []string{
				b.orText(elPIPLPurposes, p.Purpose, "describe this purpose", "说明该处理目的"),
				b.orText(elPIPLPurposes, p.Method, "how the data is processed for this purpose", "该目的下的处理方式"),
				dash(b.categoryNames(p.Categories))})
		}
		b.table([]string{b.s("Purpose", "处理目的"), b.s("Method", "处理方式"), b.s("Personal information involved", "涉及的个人信息")}, rows)
	}
	b.piplCategories()
	b.handlersProvided()
	b.sdks()
	b.piplAutomated()
	b.piplRights()
	b.piplAbroad()
}

func (b *builder) handler() {
	a, o := b.a, b.a.Organisation
	b.h2("Personal information handler", "个人信息处理者")
	name := b.or(elPIPLHandler, o.Name, "the handler's name", "个人信息处理者的名称")
	contact := b.contactLine(o.Address, o.Email, o.Phone)
	if contact == "" {
		contact = b.todo(elPIPLHandler, "the handler's contact details", "个人信息处理者的联系方式")
	}
	b.p(b.s(name+" is the personal information handler for the processing described in this notice. Contact: "+contact+".",
		name+"是本政策所述个人信息处理活动的个人信息处理者。联系方式："+contact+"。"))
	if !piplRepresentativeApplies(a) {
		return
	}
	b.h2("Our representative in mainland China", "境内指定代表")
	switch {
	case len(o.EstablishedIn) == 0:
		b.p(b.todo(elPIPLRep, "where your organisation is established (organisation.established_in); a handler outside mainland China names a representative there",
			"贵组织在哪些地区设有机构（organisation.established_in）；境外个人信息处理者须在境内指定代表"))
	case !a.ChinaRepresentative.complete():
		b.p(b.todo(elPIPLRep, "your representative in mainland China: name and address or email (PIPL Art. 53)",
			"境内专门机构或者指定代表的名称及地址或邮箱（《个人信息保护法》第五十三条）"))
	default:
		r := a.ChinaRepresentative
		b.p(b.s("Our representative for personal information matters in mainland China is "+r.Name+". Contact: "+b.contactLine(r.Address, r.Email)+".",
			"我们在中华人民共和国境内负责处理个人信息保护相关事务的指定代表为"+r.Name+"，联系方式："+b.contactLine(r.Address, r.Email)+"。"))
	}
}

func (b *builder) piplCategories() {
	a := b.a
	b.h2("Categories of personal information", "个人信息的种类")
	if len(a.Categories) == 0 {
		b.p(b.todo(elPIPLCategories, "the categories of personal information you process", "处理的个人信息种类"))
	} else {
		var names, sensitive []string
		for _, c := range a.Categories {
			name := b.orText(elPIPLCategories, c.Name, "name this category ("+c.ID+")", "该类个人信息的名称（"+c.ID+"）")
			names = append(names, name)
			if c.Sensitive {
				sensitive = append(sensitive, name)
			}
		}
		b.p(b.s("We process the following categories of personal information:", "我们处理以下种类的个人信息："))
		b.list(names)
		if len(sensitive) > 0 {
			b.necessity()
		}
	}
	b.piplChildren()
	b.h2("Retention periods", "保存期限")
	if len(a.Categories) == 0 {
		b.p(b.todo(elPIPLRetention, "the retention period of each category", "各类个人信息的保存期限"))
		return
	}
	rows := make([][]string, 0, len(a.Categories))
	for _, c := range a.Categories {
		rows = append(rows, []string{dash(b.tx(c.Name)), b.orText(elPIPLRetention, c.Retention, "how long this category is kept", "该类个人信息的保存期限")})
	}
	b.table([]string{b.s("Personal information", "个人信息种类"), b.s("Retention period", "保存期限")}, rows)
	b.p(b.s("When a retention period ends: ", "保存期限届满后：") +
		b.orText(elPIPLRetEnd, a.China.RetentionEnd, "what happens to the data when its retention period ends (china.retention_end)", "保存期限届满后如何处理个人信息（china.retention_end）"))
}

func (b *builder) piplRights() {
	r := b.a.Rights
	b.h2("How to exercise your rights", "行使权利的方式和程序")
	b.p(b.s("You have the right to know about and decide on the processing of your personal information; to consult, copy, correct, supplement and delete it; to have it transferred to another handler where the conditions set by the regulator are met; to withdraw your consent; and to ask us to explain these rules.",
		"您对个人信息的处理享有知情权、决定权，有权查阅、复制、更正、补充、删除您的个人信息，在符合国家网信部门规定条件时请求将个人信息转移至您指定的个人信息处理者，有权撤回同意，并有权要求我们对本规则进行解释说明。"))
	fs := []export.Field{
		{Label: b.s("How to make a request", "行使方式"), Value: b.orText(elPIPLRights, r.How, "how users make a request", "用户提出请求的方式")},
		{Label: b.s("Where to send it", "受理渠道"), Value: b.or(elPIPLRights, r.Contact, "the email or web address for requests", "受理请求的邮箱或网址")},
	}
	if r.ResponseDays > 0 {
		d := strconv.Itoa(r.ResponseDays)
		fs = append(fs, export.Field{Label: b.s("When we answer", "答复时限"), Value: b.s("within "+d+" days", "收到请求后"+d+"日内")})
	}
	fs = append(fs, export.Field{Label: b.s("Closing your account", "注销账号"),
		Value: b.orText(elPIPLAccount, b.a.China.AccountDeletion, "how users close their account (china.account_deletion)", "用户注销账号的方法和途径（china.account_deletion）")})
	b.fields(fs)
	b.officer()
	b.p(b.s("If we refuse your request, we explain why. You may then bring a claim before a people's court.",
		"如我们拒绝您的请求，将说明理由；您可以依法向人民法院提起诉讼。"))
}

func (b *builder) piplAbroad() {
	a, t := b.a, b.a.Transfers
	b.h2("Providing personal information outside mainland China", "向境外提供个人信息")
	switch {
	case t.Abroad == nil:
		b.p(b.todo(elPIPLTransfers, "say whether personal information collected in mainland China is provided outside it", "说明是否向境外提供在中国大陆收集的个人信息"))
		return
	case !*t.Abroad:
		b.p(b.s("We do not provide your personal information to recipients outside mainland China.", "我们不会向中华人民共和国境外提供您的个人信息。"))
		return
	case len(t.Transfers) == 0:
		b.p(b.todo(elPIPLTransfers, "list each foreign recipient", "逐一列出境外接收方"))
		return
	}
	list := a.transfersFrom(RegionChina)
	if len(list) == 0 {
		b.p(b.s("We do not provide personal information collected in mainland China to recipients outside it.", "我们不会向境外提供在中国大陆收集的个人信息。"))
		return
	}
	b.p(b.s("We provide personal information to the recipients below, outside mainland China. We ask for your separate consent before we do so, as the law requires.",
		"我们会向以下境外接收方提供您的个人信息。向境外提供前，我们将依法取得您的单独同意。"))
	for _, tr := range list {
		b.foreignRecipient(tr)
	}
}

// foreignRecipient lists what PIPL Art. 39 asks about one foreign recipient.
func (b *builder) foreignRecipient(tr Transfer) {
	name := b.or(elPIPLTransfers, tr.Recipient, "the foreign recipient's name", "境外接收方的名称")
	b.add(export.Block{Heading: &export.Heading{Level: 3, Text: b.s("Foreign recipient: ", "境外接收方：") + name}})
	cats := b.categoryNames(tr.Categories)
	if len(tr.Categories) == 0 {
		cats = b.todo(elPIPLTransfers, "the categories of personal information provided", "提供的个人信息种类")
	}
	fs := []export.Field{
		{Label: b.s("Name", "名称"), Value: name},
		{Label: b.s("Country or region", "所在国家或地区"), Value: dash(b.tx(tr.Country))},
		{Label: b.s("Contact", "联系方式"), Value: b.or(elPIPLTransfers, tr.Contact, "the recipient's contact details", "境外接收方的联系方式")},
		{Label: b.s("Purpose", "处理目的"), Value: b.orText(elPIPLTransfers, tr.Purpose, "why the recipient processes the data", "境外接收方的处理目的")},
		{Label: b.s("Method", "处理方式"), Value: b.orText(elPIPLTransfers, tr.Method, "how the recipient processes the data", "境外接收方的处理方式")},
		{Label: b.s("Personal information", "个人信息种类"), Value: cats},
		{Label: b.s("How to exercise your rights against the recipient", "向境外接收方行使权利的方式和程序"),
			Value: b.orText(elPIPLTransfers, tr.RightsHow, "how users exercise their rights against this recipient", "向该境外接收方行使权利的方式和程序")},
	}
	var mech []string
	for _, s := range tr.Safeguards {
		if s.pipl() {
			mech = append(mech, s.Label(b.lang))
		}
	}
	if len(mech) > 0 {
		fs = append(fs, export.Field{Label: b.s("Legal mechanism", "出境合规机制"), Value: joinList(mech, b.lang)})
	}
	b.fields(fs)
}

// necessity states, for each kind of sensitive personal information, why it
// is necessary and how it affects the person (PIPL Art. 30), now.
func (b *builder) necessity() {
	var fs []export.Field
	for _, c := range sensitiveCategories(b.a) {
		fs = append(fs, export.Field{Label: dash(b.tx(c.Name)), Value: b.orText(elPIPLNecessity, c.Necessity,
			"why this sensitive personal information is necessary and how processing it affects the person (sensitive_necessity)",
			"处理该敏感个人信息的必要性以及对个人权益的影响（sensitive_necessity）")})
	}
	b.p(b.s("The following is sensitive personal information. Why we need it and how processing it affects you:",
		"以下属于敏感个人信息。处理的必要性以及对您个人权益的影响如下："))
	b.fields(fs)
	b.p(b.s("We process sensitive personal information only with your separate consent, unless the law provides otherwise.",
		"除法律、行政法规另有规定外，我们仅在取得您的单独同意后处理敏感个人信息。"))
}

// piplChildren covers children under 14 (PIPL Art. 31).
func (b *builder) piplChildren() {
	c := b.a.Children
	if !under14(b.a) {
		return
	}
	if c.ParentalConsent == nil || !*c.ParentalConsent {
		b.p(b.todo(elPIPLChildren, "children under 14 may use the service: their parent's or guardian's consent is required (children.parental_consent)",
			"不满十四周岁的未成年人可以使用本服务：须取得其父母或者其他监护人的同意（children.parental_consent）"))
	} else {
		b.p(b.s("Before we process the personal information of a child under 14, we obtain the consent of a parent or other guardian.",
			"处理不满十四周岁未成年人的个人信息前，我们将取得其父母或者其他监护人的同意。"))
	}
	b.p(b.s("Our rules for the personal information of children under 14: ", "不满十四周岁未成年人个人信息处理规则：") +
		b.orText(elPIPLChildren, c.SpecialRules, "your special rules for children under 14, or where they are published (children.special_rules)",
			"专门的未成年人个人信息处理规则或其公开地址（children.special_rules）"))
}

// handlersProvided lists the independent handlers data is provided to (PIPL Art. 23).
func (b *builder) handlersProvided() {
	list := handlersRecipients(b.a)
	if len(list) == 0 {
		return
	}
	b.h2("Providing personal information to other handlers", "向其他个人信息处理者提供个人信息")
	for _, r := range list {
		consent := b.s("We provide it only with your separate consent.", "我们仅在取得您的单独同意后向其提供。")
		if r.SeparateConsent == nil || !*r.SeparateConsent {
			consent = b.todo(elPIPLHandlers, "providing data to an independent handler needs the person's separate consent (recipients[].separate_consent)",
				"向其他个人信息处理者提供个人信息须取得个人的单独同意（recipients[].separate_consent）")
		}
		cats := b.categoryNames(r.Categories)
		if !has(cats) {
			cats = b.todo(elPIPLHandlers, "the categories provided to "+dash(r.Name), "向"+dash(r.Name)+"提供的个人信息种类")
		}
		b.fields([]export.Field{
			{Label: b.s("Recipient", "接收方"), Value: b.or(elPIPLHandlers, r.Name, "the recipient's name", "接收方名称")},
			{Label: b.s("Contact", "联系方式"), Value: b.or(elPIPLHandlers, r.Contact, "the recipient's contact details", "接收方的联系方式")},
			{Label: b.s("Purpose", "处理目的"), Value: b.orText(elPIPLHandlers, r.Purpose, "the recipient's purpose", "接收方的处理目的")},
			{Label: b.s("Method", "处理方式"), Value: b.orText(elPIPLHandlers, r.Method, "how the recipient processes the data", "接收方的处理方式")},
			{Label: b.s("Personal information", "个人信息种类"), Value: cats},
			{Label: b.s("Consent", "同意"), Value: consent},
		})
	}
}

// sdks lists the embedded third-party SDKs (Network Data Security
// Management Regulations).
func (b *builder) sdks() {
	s := b.a.China.SDKs
	b.h2("Third-party SDKs and plug-ins", "第三方代码、插件")
	switch {
	case s.Used == nil:
		b.p(b.todo(elPIPLSDKs, "say whether the product embeds third-party SDKs or plug-ins that collect personal information (china.third_party_sdks)",
			"说明产品是否嵌入收集个人信息的第三方代码、插件（china.third_party_sdks）"))
	case !*s.Used:
		b.p(b.s("Our products embed no third-party SDKs or plug-ins that collect personal information.", "我们的产品未嵌入收集个人信息的第三方代码、插件。"))
	case len(s.List) == 0:
		b.p(b.todo(elPIPLSDKs, "list each embedded third-party SDK or plug-in", "逐一列出嵌入的第三方代码、插件"))
	default:
		rows := make([][]string, 0, len(s.List))
		for _, k := range s.List {
			rows = append(rows, []string{b.or(elPIPLSDKs, k.Name, "the SDK's name", "名称"), dash(k.Provider),
				b.orText(elPIPLSDKs, k.Purpose, "what the SDK is for", "用途"), dash(b.categoryNames(k.Categories))})
		}
		b.table([]string{b.s("SDK or plug-in", "第三方代码、插件"), b.s("Provider", "提供方"), b.s("Purpose", "用途"), b.s("Personal information", "收集的个人信息")}, rows)
	}
}

// piplAutomated explains automated decisions and how to refuse them (PIPL Art. 24).
func (b *builder) piplAutomated() {
	d := b.a.AutomatedDecisions
	if !automatedUsed(b.a) {
		return
	}
	b.h2("Automated decision-making", "自动化决策")
	b.p(b.s("Where a decision made solely by automated means significantly affects your rights and interests, you may ask us to explain it and refuse to have it made solely by automated means.",
		"通过自动化决策方式作出对您个人权益有重大影响的决定，您有权要求我们予以说明，并有权拒绝我们仅通过自动化决策的方式作出决定。"))
	b.fields([]export.Field{
		{Label: b.s("How it works", "运行逻辑"), Value: b.orText(elPIPLAutomated, d.Logic, "the logic involved", "自动化决策的运行逻辑")},
		{Label: b.s("How to ask or refuse", "要求说明或拒绝的方式"), Value: b.orText(elPIPLAutomated, d.RefuseHow,
			"how users ask for an explanation or refuse (automated_decisions.refuse_how)", "要求说明或拒绝的方式（automated_decisions.refuse_how）")},
	})
}

// officer names the person responsible for personal information protection
// where the law requires one (PIPL Art. 52).
func (b *builder) officer() {
	o := b.a.China.Officer
	switch {
	case o.Required == nil:
		b.p(b.todo(elPIPLOfficer, "say whether you must appoint a person responsible for personal information protection (china.protection_officer.required)",
			"说明是否须指定个人信息保护负责人（china.protection_officer.required）"))
	case !*o.Required:
	case !has(o.Name) || !has(o.Email):
		b.p(b.todo(elPIPLOfficer, "the name and email of the person responsible for personal information protection", "个人信息保护负责人的姓名及电子邮箱"))
	default:
		b.p(b.s("Our person responsible for personal information protection is "+o.Name+" ("+o.Email+").",
			"我们的个人信息保护负责人为"+o.Name+"，联系邮箱："+o.Email+"。"))
	}
}
