package privacy

// Question is one question of the questionnaire: the answers field it fills
// (Key, e.g. "organisation") and what it asks, in both languages. The GUI
// shows them in this order and the completeness check points at them.
type Question struct {
	Key  string `json:"key"`
	Text Text   `json:"text"`
}

// Questions lists the questionnaire in order.
func Questions() []Question {
	return []Question{
		{"organisation", T("Who is responsible for the data: organisation name, postal address, contact email and where it is established.",
			"谁对个人信息负责：组织名称、通信地址、联系邮箱，以及在哪些地区设有机构。")},
		{"data_protection_officer", T("Have you appointed a data protection officer? If so, how can people reach them?",
			"是否任命了数据保护官（或个人信息保护负责人）？如有，如何联系？")},
		{"representatives", T("If you serve users in the EU, the UK or mainland China without an establishment there, who is your representative?",
			"如您在欧盟、英国或中国大陆没有设立机构却向当地用户提供服务，您在当地的代表是谁？")},
		{"products", T("Which products and services does this notice cover?", "本政策适用于哪些产品和服务？")},
		{"users.regions", T("Where are your users: the EU/EEA, the UK, California, mainland China, elsewhere?",
			"您的用户在哪里：欧盟/欧洲经济区、英国、加利福尼亚州、中国大陆或其他地区？")},
		{"data_categories", T("Which kinds of personal data do you collect, where does each come from, how long do you keep it and what happens then? Which are sensitive, why are they needed, and on which GDPR Art. 9 condition? Which CCPA category is each? Which holds account log-ins (email or user name with a password)?",
			"您收集哪些种类的个人信息？各自从何处获得？保存多久？期满后如何处理？哪些属于敏感个人信息？为何必需？依据 GDPR 第 9 条的哪项条件？各自属于哪个 CCPA 类别？哪一类包含账户登录信息（邮箱或用户名加密码）？")},
		{"purposes", T("What do you use the data for, on which legal basis, and how is it processed?",
			"您出于什么目的处理这些信息？法律依据是什么？以何种方式处理？")},
		{"provision_requirement", T("Must users give you their data? Is it required by law or by contract, and what happens if they don't?",
			"用户是否必须提供个人信息？这是法律还是合同上的要求？不提供会有什么后果？")},
		{"ai", T("How do your AI features work: can prompts contain personal data, which models do you use, what do you tell users, does the provider train on the data, do you log prompts or screen them?",
			"您的 AI 功能如何运作：提示词是否可能包含个人信息？使用哪些模型？如何向用户说明？模型提供方是否用这些数据训练模型？您是否记录或预先筛查提示词？")},
		{"recipients", T("Who receives the data (service providers, the AI model provider, others), which data, why, and where are they? Whose prompts does the AI provider receive? Which third-party SDKs does the product embed?",
			"哪些接收方会获得这些信息（受托人、AI 模型提供方等）？获得哪些信息？用于什么目的？位于何处？AI 服务提供方接收哪些地区用户的提示词？产品嵌入了哪些第三方代码、插件？")},
		{"international_transfers", T("Does data leave the country or region where it was collected? To whom, with which safeguards?",
			"个人信息是否会传输到收集地以外的国家或地区？接收方是谁？采取了哪些保障措施？")},
		{"rights", T("Which rights do users have, how do they use them, whom do they contact, how quickly do you answer, and how do they close their account?",
			"用户享有哪些权利？如何行使？联系谁？您多长时间内答复？用户如何注销账号？")},
		{"automated_decisions", T("Do you make decisions about people solely by automated means with legal or similarly significant effects? If so, how do people ask for an explanation or refuse?",
			"您是否仅通过自动化方式作出对个人有法律影响或类似重大影响的决定？如是，个人如何要求说明或予以拒绝？")},
		{"children", T("What is the minimum age, do you ask for a parent's consent for younger users, and what are your rules for children under 14?",
			"使用的最低年龄是多少？对较小的用户是否取得父母或其他监护人的同意？对不满十四周岁的未成年人有哪些专门规则？")},
		{"cookies", T("Do you use cookies or analytics, and which?", "您是否使用 Cookie 或统计分析工具？使用哪些？")},
		{"security_measures", T("How do you protect the data?", "您采取了哪些措施保护个人信息安全？")},
		{"california", T("For California: do you sell or share personal information, to whom and why? Do you use sensitive information beyond what the service needs? Do you collect account log-ins? How do you verify requests, accept authorised agents and handle opt-out preference signals? Do you operate only online, or what is your toll-free number?",
			"针对加利福尼亚州：您是否出售或共享个人信息？向谁、为何目的？是否在提供服务所需之外使用敏感个人信息？是否收集账户登录信息？如何核验请求、受理授权代理人的请求、处理选择退出偏好信号？是否仅在线经营？如否，免费电话是多少？")},
		{"policy_changes", T("How will you tell users about changes, and from which date does this notice apply?",
			"本政策变更时如何通知用户？自哪一天起生效？")},
	}
}
