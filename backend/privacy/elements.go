package privacy

// Element IDs the draft refers to when it marks something missing.
const (
	elOrganisation = "general-organisation"
	elProducts     = "general-products"
	elRegions      = "general-regions"
	elCategories   = "general-categories"
	elSources      = "general-sources"
	elPurposes     = "general-purposes"
	elRetention    = "general-retention"
	elRecipients   = "general-recipients"
	elDisclosure   = "general-ai-disclosure"
	elPrompts      = "general-ai-prompts"
	elTraining     = "general-ai-training"
	elLogging      = "general-ai-logging"
	elRights       = "general-rights"
	elAutomated    = "general-automated"
	elChildren     = "general-children"
	elCookies      = "general-cookies"
	elSecurity     = "general-security"
	elChanges      = "general-changes"
	elScreening    = "general-ai-screening"
	elProviderArea = "general-ai-provider-regions"

	elGDPRIdentity  = "gdpr-13-1-a"
	elGDPRDPO       = "gdpr-13-1-b"
	elGDPRBases     = "gdpr-13-1-c"
	elGDPRInterests = "gdpr-13-1-d"
	elGDPRRecips    = "gdpr-13-1-e"
	elGDPRTransfers = "gdpr-13-1-f"
	elGDPRRetention = "gdpr-13-2-a"
	elGDPRRights    = "gdpr-13-2-b"
	elGDPRWithdraw  = "gdpr-13-2-c"
	elGDPRComplaint = "gdpr-13-2-d"
	elGDPRProvision = "gdpr-13-2-e"
	elGDPRAutomated = "gdpr-13-2-f"
	elGDPRArt9      = "gdpr-9-2"

	elCCPACategories = "ccpa-categories"
	elCCPASources    = "ccpa-sources"
	elCCPAPurposes   = "ccpa-purposes"
	elCCPASold       = "ccpa-sold-shared"
	elCCPARetention  = "ccpa-retention"
	elCCPARights     = "ccpa-rights"
	elCCPAExercise   = "ccpa-exercise"
	elCCPAContact    = "ccpa-contact"
	elCCPADates      = "ccpa-dates"
	elCCPAStatutory  = "ccpa-categories-12-months"
	elCCPADisclosed  = "ccpa-disclosed-business-purpose"
	elCCPASaleDetail = "ccpa-sold-shared-recipients"
	elCCPAVerify     = "ccpa-verification"
	elCCPAAgent      = "ccpa-authorised-agent"
	elCCPASignals    = "ccpa-opt-out-signals"
	elCCPATollFree   = "ccpa-toll-free"
	elCCPAYearly     = "ccpa-updated-yearly"
	elCCPALogin      = "ccpa-login-sensitive"

	elPIPLHandler    = "pipl-17-1-1"
	elPIPLPurposes   = "pipl-17-1-2-purposes"
	elPIPLCategories = "pipl-17-1-2-categories"
	elPIPLRetention  = "pipl-17-1-2-retention"
	elPIPLRights     = "pipl-17-1-3"
	elPIPLTransfers  = "pipl-39"
	elPIPLRep        = "pipl-53"
	elPIPLNecessity  = "pipl-30"
	elPIPLHandlers   = "pipl-23"
	elPIPLOfficer    = "pipl-52"
	elPIPLChildren   = "pipl-31"
	elPIPLAutomated  = "pipl-24"
	elPIPLAccount    = "pipl-ndsr-account-deletion"
	elPIPLSDKs       = "pipl-ndsr-sdks"
	elPIPLRetEnd     = "pipl-ndsr-retention-end"
)

// regimes defines every regime and its elements, the one list the check, the
// draft's markers and the GUI share.
func regimes() []regime {
	always := func(Answers) bool { return true }
	return []regime{
		{Regime{"general", T("Every notice", "所有隐私政策的通用内容")}, always, generalElements()},
		{Regime{"gdpr", T("GDPR and UK GDPR (Art. 13)", "欧盟及英国《通用数据保护条例》（第13条）")}, Answers.gdpr, gdprElements()},
		{Regime{"ccpa", T("California (CCPA/CPRA)", "美国加利福尼亚州（CCPA/CPRA）")},
			func(a Answers) bool { return a.selected(RegionCalifornia) }, ccpaElements()},
		{Regime{"pipl", T("Mainland China (PIPL and the Network Data Security Management Regulations)", "中国大陆（《个人信息保护法》及《网络数据安全管理条例》）")},
			func(a Answers) bool { return a.selected(RegionChina) }, piplElements()},
	}
}

func generalElements() []element {
	return []element{
		{id: elOrganisation, question: "organisation", present: orgComplete,
			title: T("Who you are and how to contact you", "组织名称及联系方式")},
		{id: elProducts, question: "products", present: productsGiven,
			title: T("Products the notice covers", "适用的产品和服务")},
		{id: elRegions, question: "users.regions", present: regionsGiven,
			title: T("Where your users are", "用户所在地区")},
		{id: elCategories, question: "data_categories", present: categoriesNamed,
			title: T("Kinds of personal data collected", "收集的个人信息种类")},
		{id: elSources, question: "data_categories", present: sourcesGiven,
			title: T("Where each kind of data comes from", "各类个人信息的来源")},
		{id: elPurposes, question: "purposes", present: purposesGiven,
			title: T("What the data is used for", "处理目的")},
		{id: elRetention, question: "data_categories", present: retentionGiven,
			title: T("How long each kind of data is kept", "各类个人信息的保存期限")},
		{id: elRecipients, question: "recipients", present: recipientsGiven,
			title: T("Who receives the data", "个人信息的接收方")},
		{id: elDisclosure, question: "ai", present: disclosureGiven,
			title: T("AI disclosure statement", "AI 使用说明")},
		{id: elPrompts, question: "ai", present: promptsAnswered,
			title: T("Whether prompts carry personal data, and to which provider", "提示词是否包含个人信息及其发送对象")},
		{id: elTraining, question: "ai", present: trainingAnswered,
			title: T("Whether the AI provider trains on your data", "AI 服务提供方是否使用数据训练模型")},
		{id: elLogging, question: "ai", present: loggingAnswered,
			title: T("Whether and how long prompts are logged", "是否记录提示词及保存多久")},
		{id: elScreening, question: "ai", present: screeningConsistent, applies: screeningUsed,
			title: T("What the screening of prompts does when it finds personal data (block, redact or warn), consistent with what is sent",
				"提示词筛查发现个人信息后如何处理（阻止、删除或提示），且与发送内容的说明一致")},
		{id: elProviderArea, question: "recipients", present: providersServeUsers, applies: knownProvider,
			title: T("The AI provider serves every region whose users' prompts it receives", "AI 服务提供方支持其接收提示词的所有用户所在地区")},
		{id: elRights, question: "rights", present: rightsGeneral,
			title: T("How to exercise rights, whom to contact, response time", "行使权利的方式、联系方式和答复时限")},
		{id: elAutomated, question: "automated_decisions", present: automatedAnswered,
			title: T("Automated decision-making", "自动化决策")},
		{id: elChildren, question: "children", present: childrenAnswered,
			title: T("Minimum age and parental consent", "最低年龄及监护人同意")},
		{id: elCookies, question: "cookies", present: cookiesAnswered,
			title: T("Cookies and analytics", "Cookie 及统计分析")},
		{id: elSecurity, question: "security_measures", present: securityGiven,
			title: T("Security measures", "安全保护措施")},
		{id: elChanges, question: "policy_changes", present: changesGiven,
			title: T("How changes are announced, and the effective date", "政策变更的通知方式及生效日期")},
	}
}

func gdprElements() []element {
	return []element{
		{id: elGDPRIdentity, question: "organisation", present: gdprIdentity,
			title: T("Art. 13(1)(a): identity and contact details of the controller and its representative", "第13条第1款(a)：控制者及其代表的身份和联系方式")},
		{id: elGDPRDPO, question: "data_protection_officer", present: dpoComplete,
			title: T("Art. 13(1)(b): contact details of the data protection officer", "第13条第1款(b)：数据保护官的联系方式")},
		{id: elGDPRBases, question: "purposes", present: basesGiven,
			title: T("Art. 13(1)(c): purposes and legal basis of the processing", "第13条第1款(c)：处理目的及法律依据")},
		{id: elGDPRInterests, question: "purposes", present: interestsGiven,
			title: T("Art. 13(1)(d): the legitimate interests pursued", "第13条第1款(d)：所追求的正当利益")},
		{id: elGDPRRecips, question: "recipients", present: recipientsGiven,
			title: T("Art. 13(1)(e): recipients or categories of recipients", "第13条第1款(e)：接收方或接收方类别")},
		{id: elGDPRTransfers, question: "international_transfers", present: gdprTransfers,
			title: T("Art. 13(1)(f): transfers to third countries and their safeguards", "第13条第1款(f)：向第三国传输及保障措施")},
		{id: elGDPRRetention, question: "data_categories", present: retentionGiven,
			title: T("Art. 13(2)(a): storage period or the criteria for it", "第13条第2款(a)：存储期限或确定标准")},
		{id: elGDPRRights, question: "rights", present: gdprRights,
			title: T("Art. 13(2)(b): rights of access, rectification, erasure, restriction, objection and portability", "第13条第2款(b)：访问、更正、删除、限制处理、反对及可携带权")},
		{id: elGDPRWithdraw, question: "rights", present: consentWithdrawal,
			title: T("Art. 13(2)(c): the right to withdraw consent", "第13条第2款(c)：撤回同意的权利")},
		{id: elGDPRComplaint, question: "rights", present: complaintGiven,
			title: T("Art. 13(2)(d): the right to complain to a supervisory authority", "第13条第2款(d)：向监管机构投诉的权利")},
		{id: elGDPRProvision, question: "provision_requirement", present: provisionGiven,
			title: T("Art. 13(2)(e): whether providing the data is required, and the consequences of not doing so", "第13条第2款(e)：是否必须提供数据及不提供的后果")},
		{id: elGDPRAutomated, question: "automated_decisions", present: automatedAnswered,
			title: T("Art. 13(2)(f): automated decision-making, its logic and consequences", "第13条第2款(f)：自动化决策及其逻辑和后果")},
		{id: elGDPRArt9, question: "data_categories", present: art9Given, applies: anySensitive,
			title: T("Art. 9(2): the condition for processing each special category of data", "第9条第2款：处理各类特殊类别数据所依据的条件")},
	}
}

func ccpaElements() []element {
	return []element{
		{id: elCCPACategories, question: "data_categories", present: categoriesNamed,
			title: T("Categories of personal information collected", "收集的个人信息类别")},
		{id: elCCPASources, question: "data_categories", present: sourcesGiven,
			title: T("Categories of sources", "个人信息的来源类别")},
		{id: elCCPAPurposes, question: "purposes", present: purposesGiven,
			title: T("Business or commercial purposes", "商业目的")},
		{id: elCCPASold, question: "california", present: sellsAnswered,
			title: T("Whether personal information is sold or shared, and the opt-out link", "是否出售或共享个人信息及退出链接")},
		{id: elCCPARetention, question: "data_categories", present: retentionGiven,
			title: T("How long each category is retained", "各类个人信息的保存期限")},
		{id: elCCPARights, question: "rights", present: ccpaRights,
			title: T("Rights to know, delete, correct and limit", "知情权、删除权、更正权及限制使用权")},
		{id: elCCPAExercise, question: "rights", present: exerciseGiven,
			title: T("How to submit a request", "提出请求的方式")},
		{id: elCCPAContact, question: "organisation", present: contactEmail,
			title: T("Contact for questions about the notice", "咨询联系方式")},
		{id: elCCPADates, question: "policy_changes", present: effectiveGiven,
			title: T("Effective date and date last updated", "生效日期及最近更新日期")},
		{id: elCCPAStatutory, question: "data_categories", present: ccpaCategoriesGiven,
			title: T("Categories collected in the preceding 12 months, in the statute's terms (§1798.140(v)(1))", "过去 12 个月收集的个人信息类别，使用法定类别名称（第 1798.140(v)(1) 条）")},
		{id: elCCPADisclosed, question: "recipients", present: disclosuresGiven,
			title: T("Categories disclosed for a business purpose, and the categories of recipients", "为商业目的披露的个人信息类别及接收方类别")},
		{id: elCCPASaleDetail, question: "california", present: saleDetailGiven, applies: sells,
			title: T("Categories of third parties personal information is sold or shared to, and why", "出售或共享个人信息的第三方类别及目的")},
		{id: elCCPAVerify, question: "california", present: verificationGiven,
			title: T("How requests are verified", "如何核验请求")},
		{id: elCCPAAgent, question: "california", present: agentGiven,
			title: T("How an authorised agent makes a request", "授权代理人如何提出请求")},
		{id: elCCPASignals, question: "california", present: signalsGiven,
			title: T("How opt-out preference signals (such as Global Privacy Control) are handled", "如何处理选择退出偏好信号（例如全球隐私控制 GPC）")},
		{id: elCCPATollFree, question: "california", present: tollFreeGiven,
			title: T("A toll-free number for requests, unless the business is online only (§1798.130(a)(1)(A))", "受理请求的免费电话，仅在线经营的企业除外（第 1798.130(a)(1)(A) 条）")},
		{id: elCCPAYearly, question: "policy_changes", present: lastUpdatedGiven,
			title: T("Date last updated; update the policy at least once every 12 months (§1798.130(a)(5))", "最近更新日期；至少每 12 个月更新一次（第 1798.130(a)(5) 条）")},
		{id: elCCPALogin, question: "california", present: loginsAnswered,
			title: T("Whether you collect account log-ins with a password, which are sensitive personal information (§1798.140(ae)(1)(D))", "是否收集账户登录名及密码（属于敏感个人信息，第 1798.140(ae)(1)(D) 条）")},
	}
}

func piplElements() []element {
	return []element{
		{id: elPIPLHandler, question: "organisation", present: handlerComplete,
			title: T("Art. 17(1)(1): name and contact details of the personal information handler", "第十七条第一款第一项：个人信息处理者的名称和联系方式")},
		{id: elPIPLPurposes, question: "purposes", present: methodsGiven,
			title: T("Art. 17(1)(2): purposes and methods of processing", "第十七条第一款第二项：处理目的和处理方式")},
		{id: elPIPLCategories, question: "data_categories", present: categoriesNamed,
			title: T("Art. 17(1)(2): categories of personal information", "第十七条第一款第二项：处理的个人信息种类")},
		{id: elPIPLRetention, question: "data_categories", present: retentionGiven,
			title: T("Art. 17(1)(2): retention periods", "第十七条第一款第二项：保存期限")},
		{id: elPIPLRights, question: "rights", present: exerciseGiven,
			title: T("Art. 17(1)(3): how to exercise rights", "第十七条第一款第三项：个人行使权利的方式和程序")},
		{id: elPIPLTransfers, question: "international_transfers", present: piplTransfers, applies: piplTransfersApply,
			title: T("Art. 39: the foreign recipient, its contact, purposes, methods, categories and how to exercise rights against it",
				"第三十九条：境外接收方的名称、联系方式、处理目的、处理方式、个人信息种类及向其行使权利的方式和程序")},
		{id: elPIPLRep, question: "representatives", present: piplRepresentative, applies: piplRepresentativeApplies,
			title: T("Art. 53: representative in mainland China", "第五十三条：境内专门机构或者指定代表")},
		{id: elPIPLNecessity, question: "data_categories", present: necessityGiven, applies: anySensitive,
			title: T("Art. 30: why each kind of sensitive personal information is necessary, and its effect on the person", "第三十条：处理敏感个人信息的必要性以及对个人权益的影响")},
		{id: elPIPLHandlers, question: "recipients", present: handlersDisclosed, applies: anyHandlerRecipient,
			title: T("Art. 23: each independent recipient's name, contact, purpose, method and categories, with separate consent", "第二十三条：向其他个人信息处理者提供时告知其名称、联系方式、处理目的、处理方式和个人信息种类，并取得单独同意")},
		{id: elPIPLOfficer, question: "data_protection_officer", present: officerGiven,
			title: T("Art. 52: the public contact of the person responsible for personal information protection, where required", "第五十二条：公开个人信息保护负责人的联系方式（达到规定数量时）")},
		{id: elPIPLChildren, question: "children", present: childRulesGiven, applies: under14,
			title: T("Art. 31: parental consent and special rules for children under 14", "第三十一条：不满十四周岁未成年人的监护人同意及专门的处理规则")},
		{id: elPIPLAutomated, question: "automated_decisions", present: refusalGiven, applies: automatedUsed,
			title: T("Art. 24: how to ask for an explanation of, and refuse, decisions made solely by automated means", "第二十四条：要求说明及拒绝仅通过自动化决策方式作出的决定的途径")},
		{id: elPIPLAccount, question: "rights", present: accountDeletionGiven,
			title: T("Network Data Security Management Regulations: how to close an account", "《网络数据安全管理条例》：注销账号的方法和途径")},
		{id: elPIPLSDKs, question: "recipients", present: sdksGiven,
			title: T("Network Data Security Management Regulations: the embedded third-party SDKs and plug-ins, and what they collect", "《网络数据安全管理条例》：嵌入的第三方代码、插件及其收集的个人信息")},
		{id: elPIPLRetEnd, question: "data_categories", present: retentionEndGiven,
			title: T("Network Data Security Management Regulations: what happens to data when the retention period ends", "《网络数据安全管理条例》：保存期限届满后的处理方式")},
	}
}
