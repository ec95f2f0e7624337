package privacy

import (
	"context"
	"strconv"
	"strings"
)

// Sources are what other parts of the app already know. Each is optional:
// a nil function, or one that fails, suggests nothing.
type Sources struct {
	// Onboarding returns the checklist's onboarding answers; nil when the
	// wizard has not run.
	Onboarding func(ctx context.Context) (*OnboardingProfile, error)
	// Gateway returns whether the gateway logs prompt bodies and for how long.
	Gateway func(ctx context.Context) (GatewaySettings, error)
	// Usage returns the models and endpoints seen in the usage log.
	Usage func(ctx context.Context) (UsageSeen, error)
	// PIIScreen returns whether the PII pre-screen blocks prompts with personal data.
	PIIScreen func(ctx context.Context) (bool, error)
}

// OnboardingProfile is the part of the checklist's onboarding answers that
// bears on the privacy notice.
type OnboardingProfile struct {
	Consumer   bool `json:"consumer"`
	Chatbot    bool `json:"chatbot"`
	Minors     bool `json:"minors"`
	EU         bool `json:"eu"`
	California bool `json:"california"`
	China      bool `json:"china"`
}

// GatewaySettings is how the gateway keeps prompts.
type GatewaySettings struct {
	LogPromptBodies bool `json:"log_prompt_bodies"`
	RetentionDays   int  `json:"retention_days"`
}

// UsageSeen is what the usage log shows the app calling.
type UsageSeen struct {
	Models    []string `json:"models"`
	Endpoints []string `json:"endpoints"` // e.g. "https://api.openai.com/v1/responses" or "/v1/chat/completions"
}

// Suggestion is a value for one answer, with where it came from. It changes
// nothing until the user accepts it (Accept).
type Suggestion struct {
	Field  string `json:"field"` // the answers field, e.g. "users.regions"
	Value  any    `json:"value"` // the value to set, or to add for lists
	Source Text   `json:"source"`
}

// Prefill gathers suggestions from the sources, in a stable order.
func Prefill(ctx context.Context, src Sources) []Suggestion {
	out := []Suggestion{}
	if src.Onboarding != nil {
		if p, err := src.Onboarding(ctx); err == nil && p != nil {
			out = append(out, onboardingSuggestions(*p)...)
		}
	}
	if src.Gateway != nil {
		if g, err := src.Gateway(ctx); err == nil {
			out = append(out, gatewaySuggestions(g)...)
		}
	}
	if src.Usage != nil {
		if u, err := src.Usage(ctx); err == nil {
			out = append(out, usageSuggestions(u)...)
		}
	}
	if src.PIIScreen != nil {
		if on, err := src.PIIScreen(ctx); err == nil {
			state := T("does not block", "不会阻止")
			if on {
				state = T("blocks", "会阻止")
			}
			out = append(out, Suggestion{"ai.pii_screening", on,
				T("PII pre-screen setting: it "+state.En+" prompts that contain personal data", "个人信息预筛查设置："+state.Zh+"含有个人信息的提示词")})
		}
	}
	return out
}

func onboardingSuggestions(p OnboardingProfile) []Suggestion {
	var out []Suggestion
	for _, r := range []struct {
		on     bool
		region Region
		en, zh string
	}{
		{p.EU, RegionEU, "users in the EU/EEA", "有欧盟/欧洲经济区用户"},
		{p.California, RegionCalifornia, "users in California", "有加利福尼亚州用户"},
		{p.China, RegionChina, "users in mainland China", "有中国大陆用户"},
	} {
		if r.on {
			out = append(out, Suggestion{"users.regions", r.region, T("Checklist onboarding: "+r.en, "合规清单引导问卷："+r.zh)})
		}
	}
	if p.Chatbot {
		out = append(out, Suggestion{"ai.disclosure",
			T("You are chatting with an AI assistant, not a person. Its answers are generated automatically and can be wrong, so check anything important before relying on it.",
				"您正在与人工智能助手而非真人对话。其回答由系统自动生成，可能存在错误，涉及重要事项时请自行核实。"),
			T("Checklist onboarding: the product has a chatbot", "合规清单引导问卷：产品包含聊天机器人")})
	}
	if p.Chatbot && p.Consumer {
		out = append(out, Suggestion{"ai.prompts_contain_personal_data", true,
			T("Checklist onboarding: consumers type freely into a chatbot, so prompts can carry personal data", "合规清单引导问卷：消费者可在聊天机器人中自由输入，提示词可能包含个人信息")})
	}
	if p.Minors {
		out = append(out, Suggestion{"children.parental_consent", true,
			T("Checklist onboarding: minors may use the product", "合规清单引导问卷：未成年人可能使用本产品")})
	}
	return out
}

func gatewaySuggestions(g GatewaySettings) []Suggestion {
	if !g.LogPromptBodies {
		return []Suggestion{{"ai.prompt_logging", false, T("Gateway settings: prompt bodies are not logged", "网关设置：不记录提示词内容")}}
	}
	out := []Suggestion{{"ai.prompt_logging", true, T("Gateway settings: prompt bodies are logged", "网关设置：记录提示词内容")}}
	if g.RetentionDays > 0 {
		d := strconv.Itoa(g.RetentionDays)
		out = append(out, Suggestion{"ai.prompt_log_days", g.RetentionDays,
			T("Gateway settings: logs are kept for "+d+" days", "网关设置：日志保存 "+d+" 天")})
	}
	return out
}

func usageSuggestions(u UsageSeen) []Suggestion {
	var out []Suggestion
	if len(u.Models) > 0 {
		out = append(out, Suggestion{"ai.models", u.Models, T("Usage log: models the app has called", "用量日志：应用调用过的模型")})
	}
	if !callsOpenAI(u.Endpoints) {
		return out
	}
	seen := T("Usage log: requests go to the OpenAI API", "用量日志：请求发往 OpenAI API")
	return append(out,
		Suggestion{"recipients", Recipient{Name: "OpenAI", Role: RoleProcessor, Location: T("United States", "美国"), ReceivesPrompts: true,
			Purpose: T("Generating the replies of our AI features", "为我们的 AI 功能生成回复")}, seen},
		Suggestion{"ai.provider_trains_on_data", false,
			T("OpenAI's API data policy: data sent through the API is not used to train its models unless the customer opts in",
				"OpenAI 的 API 数据政策：除非客户主动选择加入，通过 API 发送的数据不会用于训练其模型")},
		Suggestion{"ai.provider_retention",
			T("OpenAI may keep API inputs and outputs for up to 30 days to detect abuse, and then deletes them, unless a shorter retention has been agreed.",
				"OpenAI 可能为监测滥用行为将 API 的输入和输出保存最长 30 日，期满后删除；如双方另行约定更短的保存期限，从其约定。"),
			T("OpenAI's API data policy: abuse-monitoring retention", "OpenAI 的 API 数据政策：为监测滥用而保存数据")},
	)
}

// callsOpenAI reports whether any endpoint is OpenAI's API.
func callsOpenAI(endpoints []string) bool {
	for _, e := range endpoints {
		if strings.Contains(e, "api.openai.com") || strings.HasPrefix(e, "/v1/") {
			return true
		}
	}
	return false
}
