package checklist

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// flags maps each profile flag to its value in p.
func (p Profile) flags() map[string]bool {
	return map[string]bool{
		"consumer": p.Consumer, "chatbot": p.Chatbot, "medical": p.Medical, "legal": p.Legal,
		"financial": p.Financial, "news": p.News, "minors": p.Minors, "impersonation": p.Impersonation,
		"eu": p.EU, "california": p.California, "china": p.China,
	}
}

// flagAbsent says, per flag, what a "no" answer means, for not-applicable reasons.
var flagAbsent = map[string]Text{
	"consumer":      {"not a consumer-facing product", "非面向消费者的产品"},
	"chatbot":       {"no chatbot or conversational AI", "不含聊天机器人或对话式 AI"},
	"medical":       {"no medical use", "不涉及医疗领域"},
	"legal":         {"no legal use", "不涉及法律领域"},
	"financial":     {"no financial use", "不涉及金融领域"},
	"news":          {"no news generation or summaries", "不生成或摘要新闻"},
	"minors":        {"no minors among users", "用户中没有未成年人"},
	"impersonation": {"does not imitate a real person", "不模仿真实人物"},
	"eu":            {"no users in the EU/EEA", "没有欧盟/欧洲经济区用户"},
	"california":    {"no users in California", "没有加州用户"},
	"china":         {"no users in mainland China", "没有中国大陆用户"},
}

// Applies reports whether the condition holds for p, and if not, which
// absent flags make it fail.
func (c Condition) Applies(p Profile) (bool, []string) {
	f := p.flags()
	var missing []string
	for _, k := range c.All {
		if !f[k] {
			missing = append(missing, k)
		}
	}
	if len(c.Any) > 0 {
		anyTrue := false
		for _, k := range c.Any {
			anyTrue = anyTrue || f[k]
		}
		if !anyTrue {
			missing = append(missing, c.Any...)
		}
	}
	return len(missing) == 0, missing
}

// wizardReason explains in lang why the wizard found an item not applicable.
func wizardReason(missing []string, lang string) string {
	parts := make([]string, len(missing))
	for i, k := range missing {
		parts[i] = flagAbsent[k].In(lang)
	}
	if lang == LangZh {
		return "引导问卷：" + strings.Join(parts, "；") + "。"
	}
	return "Onboarding answers: " + strings.Join(parts, "; ") + "."
}

// ApplyProfile saves the onboarding answers and marks items that do not apply
// as not applicable with the reason, in lang. Items the wizard marked before
// that apply again go back to "to do"; answers a person set are left alone.
func (s *Service) ApplyProfile(workspace string, p Profile, lang string) (WizardResult, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return WizardResult{}, err
	}
	res := WizardResult{MarkedNotApplicable: []string{}, Restored: []string{}}
	profile, _ := json.Marshal(p)
	err = s.st.Write(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE workspaces SET profile = ?, profile_set_at = ? WHERE id = ?`, string(profile), s.stamp(), w.ID); err != nil {
			return fmt.Errorf("save profile: %w", err)
		}
		for _, it := range s.cat.Items {
			if err := s.wizardItem(tx, w.ID, it, p, lang, &res); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

func (s *Service) wizardItem(tx *sql.Tx, wsID int64, it Item, p Profile, lang string, res *WizardResult) error {
	a, err := loadAnswer(tx, wsID, it.ID)
	if err != nil {
		return err
	}
	applies, missing := it.AppliesIf.Applies(p)
	switch {
	case !applies && (a.Status == StatusTodo || a.SetByWizard):
		status, reason := StatusNotApplicable, wizardReason(missing, lang)
		if a.Status == status && a.Reason == reason {
			return nil
		}
		res.MarkedNotApplicable = append(res.MarkedNotApplicable, it.ID)
		return s.applyChange(tx, wsID, it.ID, Change{Status: &status, Reason: &reason}, "wizard", true)
	case applies && a.SetByWizard && a.Status == StatusNotApplicable:
		status, reason := StatusTodo, ""
		res.Restored = append(res.Restored, it.ID)
		return s.applyChange(tx, wsID, it.ID, Change{Status: &status, Reason: &reason}, "wizard", false)
	}
	return nil
}
