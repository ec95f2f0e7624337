package privacy

import (
	"strings"
)

// aiSection explains the AI features: the disclosure, what reaches the model
// provider, whether the provider trains on it, and what we log.
func (b *builder) aiSection() {
	ai := b.a.AI
	b.h1("Our AI features", "我们的人工智能功能")
	b.p(b.tx(ai.Features))
	b.p(b.orText(elDisclosure, ai.Disclosure, "your AI disclosure statement: tell users they are dealing with an AI system and what that means",
		"AI 使用说明：告知用户其正在与人工智能系统交互及其含义"))
	b.prompts()
	if len(ai.Models) > 0 {
		b.p(b.s("Models we currently use: "+strings.Join(ai.Models, ", ")+".", "我们目前使用的模型："+strings.Join(ai.Models, "、")+"。"))
	}
	b.training()
	b.logging()
	b.screening()
	b.providerRegions()
}

// screening says what the automatic check of prompts does, as answered, and
// never promises to block what the notice says is sent.
func (b *builder) screening() {
	ai, prov := b.a.AI, b.providers()
	if !screeningUsed(b.a) {
		return
	}
	sends := ai.PromptsContainPersonalData != nil && *ai.PromptsContainPersonalData
	switch {
	case ai.PIIScreeningAction == ScreenBlock && sends:
		b.p(b.todo(elScreening, "the screening blocks prompts with personal data, yet prompts are said to carry personal data to "+prov+": correct one of the two answers",
			"筛查会阻止含个人信息的提示词，但又说明提示词中的个人信息会发送给"+prov+"：请更正其中一项答案"))
	case ai.PIIScreeningAction == ScreenBlock:
		b.p(b.s("Before a prompt is sent to "+prov+", we check it automatically for personal data and do not send it when we find some.",
			"提示词发送给"+prov+"之前，我们会自动检查其中是否含有个人信息；发现个人信息的，不予发送。"))
	case ai.PIIScreeningAction == ScreenRedact:
		b.p(b.s("Before a prompt is sent to "+prov+", we check it automatically and remove the personal data we find. The check can miss some, so what you type may still reach "+prov+".",
			"提示词发送给"+prov+"之前，我们会自动检查并删除其中发现的个人信息。自动检查可能有遗漏，您输入的内容仍可能发送给"+prov+"。"))
	case ai.PIIScreeningAction == ScreenWarn:
		b.p(b.s("Before a prompt is sent to "+prov+", we check it automatically for personal data and tell you what we found; you decide whether to send it.",
			"提示词发送给"+prov+"之前，我们会自动检查其中是否含有个人信息，并告知您检查结果，由您决定是否发送。"))
	default:
		b.p(b.todo(elScreening, "what the screening does when it finds personal data: block, redact or warn (ai.pii_screening_action)",
			"筛查发现个人信息后如何处理：阻止、删除或提示（ai.pii_screening_action）"))
	}
}

// providerRegions marks every AI provider that would receive prompts from a
// region it does not serve.
func (b *builder) providerRegions() {
	for _, r := range unsupportedRoutes(b.a) {
		src := r.Provider.Source.Title + ", " + r.Provider.Source.URL + ", " + b.s("recorded ", "记录于 ") + r.Provider.Checked
		b.p(b.todo(elProviderArea, r.Recipient+" does not offer its API in "+r.Place.Name.En+" ("+src+"): do not send it the prompts of users there, and list in recipients[].prompts_from the regions it does receive prompts from",
			r.Recipient+" 不在"+r.Place.Name.Zh+"提供 API 服务（"+src+"）：请勿将当地用户的提示词发送给它，并在 recipients[].prompts_from 中列明其接收提示词的地区"))
	}
}

func (b *builder) prompts() {
	ai, prov := b.a.AI, b.providers()
	if len(promptRecipients(b.a)) == 0 {
		b.p(b.todo(elPrompts, "name the AI provider that receives prompts (a recipient with receives_prompts: true)",
			"写明接收提示词的 AI 服务提供方（在接收方中标注 receives_prompts: true）"))
	}
	switch {
	case ai.PromptsContainPersonalData == nil:
		b.p(b.todo(elPrompts, "say whether prompts can contain personal data", "说明提示词中是否可能包含个人信息"))
	case *ai.PromptsContainPersonalData:
		b.p(b.s("What you type into these features, and any personal data it contains, is sent to "+prov+" so that it can generate a reply. Please do not enter more personal data than your request needs.",
			"您在上述功能中输入的内容（包括其中的个人信息）会发送给"+prov+"，用于生成回复。请勿输入超出请求所需的个人信息。"))
	default:
		b.p(b.s("The requests we send to "+prov+" do not contain personal data.", "我们发送给"+prov+"的请求不包含个人信息。"))
	}
	for _, r := range promptRecipients(b.a) {
		if len(r.PromptsFrom) > 0 {
			where := b.regionList(r.PromptsFrom)
			b.p(b.s(r.Name+" receives only the prompts of users in "+where+".", r.Name+"仅接收"+where+"用户的提示词。"))
		}
	}
}

// regionList names regions in the questionnaire's order.
func (b *builder) regionList(rs []Region) string {
	var names []string
	for _, r := range Regions {
		if hasRegion(rs, r) {
			names = append(names, r.Label(b.lang))
		}
	}
	return joinList(names, b.lang)
}

func (b *builder) training() {
	ai, prov := b.a.AI, b.providers()
	switch {
	case ai.ProviderTrainsOnData == nil:
		b.p(b.todo(elTraining, "say whether your AI provider uses the data you send it to train its models",
			"说明 AI 服务提供方是否使用您发送的数据训练其模型"))
	case *ai.ProviderTrainsOnData:
		b.p(b.s(prov+" may use the data we send it to train and improve its models.", prov+"可能使用我们发送的数据训练和改进其模型。"))
	default:
		b.p(b.s(prov+" does not use the data we send through its API to train its models.", prov+"不会使用我们通过其 API 发送的数据训练其模型。"))
	}
	b.p(b.tx(ai.ProviderRetention))
}

func (b *builder) logging() {
	ai := b.a.AI
	switch {
	case ai.PromptLogging == nil:
		b.p(b.todo(elLogging, "say whether you keep the text of prompts and replies, and for how long",
			"说明是否保存提示词和回复的内容，以及保存多久"))
	case !*ai.PromptLogging:
		b.p(b.s("We do not keep the text of your prompts or of the replies in our logs.", "我们不会在日志中保存您的提示词或回复的内容。"))
	default:
		days := b.days(elLogging, ai.PromptLogDays, "how many days prompt logs are kept", "提示词日志的保存天数")
		b.p(b.s("We keep the text of prompts and replies in our logs for "+days+" days, and then delete it.",
			"我们会在日志中保存提示词和回复的内容，保存期限为"+days+"日，期满后删除。"))
	}
}
