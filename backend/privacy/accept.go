package privacy

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"steward/backend/apperr"
)

// Accept applies a suggestion the user accepted and returns the new answers;
// a is not changed. List fields gain the suggested items they lack; other
// fields are replaced. The value may have come back from the GUI as JSON.
func Accept(a Answers, s Suggestion) (Answers, error) {
	raw, err := json.Marshal(s.Value)
	if err != nil {
		return a, fmt.Errorf("accept suggestion for %s: %w", s.Field, err)
	}
	out := a
	if err := applySuggestion(&out, s.Field, raw); err != nil {
		return a, apperr.Text(apperr.Invalid, "privacy.accept",
			fmt.Sprintf("The suggestion for %q cannot be applied: %v", s.Field, err),
			fmt.Sprintf("无法采纳针对“%s”的建议：%v", s.Field, err))
	}
	if errs := Validate(out); len(errs) > 0 {
		return a, answersError("", "privacy.accept", errs)
	}
	return out, nil
}

// applySuggestion sets or extends one field of a from a JSON value.
func applySuggestion(a *Answers, field string, raw []byte) error {
	switch field {
	case "users.regions":
		return addItems(&a.Users.Regions, raw)
	case "ai.models":
		return addItems(&a.AI.Models, raw)
	case "recipients":
		var r Recipient
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		if slices.IndexFunc(a.Recipients, func(x Recipient) bool { return strings.EqualFold(x.Name, r.Name) }) < 0 {
			a.Recipients = append(slices.Clone(a.Recipients), r)
		}
		return nil
	case "ai.disclosure":
		return json.Unmarshal(raw, &a.AI.Disclosure)
	case "ai.provider_retention":
		return json.Unmarshal(raw, &a.AI.ProviderRetention)
	case "ai.prompt_log_days":
		return json.Unmarshal(raw, &a.AI.PromptLogDays)
	}
	flags := map[string]**bool{
		"ai.prompts_contain_personal_data": &a.AI.PromptsContainPersonalData,
		"ai.prompt_logging":                &a.AI.PromptLogging,
		"ai.provider_trains_on_data":       &a.AI.ProviderTrainsOnData,
		"ai.pii_screening":                 &a.AI.PIIScreening,
		"children.parental_consent":        &a.Children.ParentalConsent,
	}
	if p, ok := flags[field]; ok {
		var v bool
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		*p = &v
		return nil
	}
	return fmt.Errorf("no such suggestible field")
}

// addItems adds to *list the items of raw (one item or a list) it lacks,
// without touching the caller's backing array.
func addItems[E comparable](list *[]E, raw []byte) error {
	var items []E
	if err := json.Unmarshal(raw, &items); err != nil {
		var one E
		if err := json.Unmarshal(raw, &one); err != nil {
			return err
		}
		items = []E{one}
	}
	out := slices.Clone(*list)
	for _, it := range items {
		if !slices.Contains(out, it) {
			out = append(out, it)
		}
	}
	*list = out
	return nil
}
