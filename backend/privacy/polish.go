package privacy

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"steward/backend/apperr"
)

// DefaultPolishModel is the model PolishRequest proposes; the user may pick another.
const DefaultPolishModel = "gpt-4o-mini"

// Chatter sends one chat request: a system and a user message to a model,
// returning the reply text. The app's OpenAI client implements it.
type Chatter interface {
	Chat(ctx context.Context, model, system, user string) (string, error)
}

// PolishPlan is exactly what Polish sends: shown to the user before anything
// leaves the machine.
type PolishPlan struct {
	Model  string `json:"model"`
	System string `json:"system"` // the instructions
	User   string `json:"user"`   // the draft, verbatim
	Lang   string `json:"lang"`
}

// PolishRequest prepares the optional polishing step for a Markdown draft in
// lang. Nothing is sent; the template draft never depends on it.
func PolishRequest(draftMarkdown, lang string) PolishPlan {
	if lang == "zh" {
		lang = LangZh
	}
	if lang != LangZh {
		lang = LangEn
	}
	return PolishPlan{Model: DefaultPolishModel, System: polishSystem(lang), User: draftMarkdown, Lang: lang}
}

// polishSystem is the instruction for the model, in our own words.
func polishSystem(lang string) string {
	language, marker := "English", "[TODO: …]"
	if lang == LangZh {
		language, marker = "Simplified Chinese, in the formal register of privacy policies published in mainland China", "[待补充：…]"
	}
	return strings.Join([]string{
		"You are an editor of privacy notices. The user message is a Markdown draft generated from a company's questionnaire answers.",
		"Improve its wording so that it reads clearly and consistently, in " + language + ".",
		"Rules:",
		"- Keep every fact, name, date, number, email address and link exactly as written.",
		"- Do not add facts, promises, rights or legal statements that are not in the draft, and do not remove any.",
		"- Keep every section and heading, in the same order, and keep tables and lists as tables and lists.",
		"- Keep every " + marker + " marker unchanged and in place: each one is a missing answer the company must supply.",
		"- Keep the notice saying that it is a draft and not legal advice.",
		"Reply with the revised Markdown only, without comments or code fences.",
	}, "\n")
}

// Polish sends the plan through c and returns the revised Markdown. It
// refuses a reply that is empty or has lost any of the draft's TODO markers.
func Polish(ctx context.Context, c Chatter, plan PolishPlan) (string, error) {
	if c == nil {
		return "", errors.New("polish privacy draft: no chat client configured")
	}
	if strings.TrimSpace(plan.User) == "" || strings.TrimSpace(plan.Model) == "" {
		return "", apperr.Text(apperr.Invalid, "privacy.polish", "There is no draft or no model to polish with.", "没有可润色的草稿或未指定模型。")
	}
	out, err := c.Chat(ctx, plan.Model, plan.System, plan.User)
	if err != nil {
		return "", fmt.Errorf("polish privacy draft with %s: %w", plan.Model, err)
	}
	out = stripFence(out)
	if strings.TrimSpace(out) == "" {
		return "", apperr.Text(apperr.Invalid, "privacy.polish", "The model returned an empty text; keep the template draft.", "模型返回了空白内容，请继续使用模板草稿。")
	}
	if lost := todoCount(plan.User) - todoCount(out); lost > 0 {
		n := strconv.Itoa(lost)
		return "", apperr.Text(apperr.Invalid, "privacy.polish",
			"The polished text lost "+n+" TODO marker(s), so it could hide missing answers; keep the template draft.",
			"润色后的文本丢失了 "+n+" 处“待补充”标记，可能掩盖尚缺的答案，请继续使用模板草稿。")
	}
	return out, nil
}

// todoCount counts missing-answer markers in either language.
func todoCount(s string) int { return strings.Count(s, "TODO:") + strings.Count(s, "待补充：") }

// stripFence removes a ```markdown fence a model may wrap its reply in.
func stripFence(s string) string {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "```") || !strings.HasSuffix(t, "```") || len(t) < 6 {
		return s
	}
	t = strings.TrimSuffix(t, "```")
	if _, rest, ok := strings.Cut(t, "\n"); ok {
		return strings.TrimSpace(rest) + "\n"
	}
	return s
}
