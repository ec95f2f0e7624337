package openaitest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// ModerationCategories lists the 13 categories of the current moderation
// models, in the spec's order.
func ModerationCategories() []string {
	return []string{
		"hate", "hate/threatening", "harassment", "harassment/threatening", "illicit", "illicit/violent",
		"self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors",
		"violence", "violence/graphic",
	}
}

// imageCategories are the categories omni-moderation also scores images
// for.
func imageCategories() map[string]bool {
	return map[string]bool{
		"self-harm": true, "self-harm/intent": true, "self-harm/instructions": true,
		"sexual": true, "violence": true, "violence/graphic": true,
	}
}

// legacyModel reports whether model is a text-moderation model, which
// answers with the 11 older categories and no applied input types.
func legacyModel(model string) bool { return strings.HasPrefix(model, "text-moderation") }

// ModerationRule makes any input containing Keyword (case-insensitive)
// score high, and be flagged, in Categories.
type ModerationRule struct {
	Keyword    string
	Categories []string
}

// ModerationRules is the server's deterministic stand-in for a moderation
// model. Tests build inputs from these keywords to expect flags; any other
// text scores near zero everywhere. For images the rules apply to the URL,
// and only in the categories images are scored for.
func ModerationRules() []ModerationRule {
	return []ModerationRule{
		{"idiot", []string{"harassment"}},
		{"i will find you", []string{"harassment", "harassment/threatening"}},
		{"kill them", []string{"harassment", "harassment/threatening", "violence"}},
		{"hateful slogan", []string{"hate"}},
		{"hateful threat", []string{"hate", "hate/threatening"}},
		{"shoplift", []string{"illicit"}},
		{"build a bomb", []string{"illicit", "illicit/violent", "violence"}},
		{"hurt myself", []string{"self-harm", "self-harm/intent"}},
		{"self-harm how-to", []string{"self-harm", "self-harm/instructions"}},
		{"explicit sexual", []string{"sexual"}},
		{"minor-sexual-test-marker", []string{"sexual", "sexual/minors"}},
		{"violent", []string{"violence"}},
		{"gore", []string{"violence", "violence/graphic"}},
	}
}

// moderationInput is one unit the API scores: a string, or all the parts of
// a multi-modal input together.
type moderationInput struct {
	text, images string
	hasText      bool
	hasImage     bool
}

// moderationInputs reads CreateModerationRequest.input.
func moderationInputs(raw json.RawMessage) ([]moderationInput, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []moderationInput{{text: s, hasText: true}}, true
	}
	var ss []string
	if json.Unmarshal(raw, &ss) == nil && len(ss) > 0 {
		out := make([]moderationInput, len(ss))
		for i, v := range ss {
			out[i] = moderationInput{text: v, hasText: true}
		}
		return out, true
	}
	var parts []struct {
		Type     string `json:"type"`
		Text     string `json:"text"`
		ImageURL *struct {
			URL string `json:"url"`
		} `json:"image_url"`
	}
	if json.Unmarshal(raw, &parts) != nil || len(parts) == 0 {
		return nil, false
	}
	var in moderationInput
	for _, p := range parts {
		switch {
		case p.Type == "text":
			in.text += p.Text + "\n"
			in.hasText = true
		case p.Type == "image_url" && p.ImageURL != nil && p.ImageURL.URL != "":
			in.images += p.ImageURL.URL + "\n"
			in.hasImage = true
		default:
			return nil, false
		}
	}
	return []moderationInput{in}, true
}

// moderate answers POST /moderations.
func (s *Server) moderate(x *exchange) {
	var req struct {
		Model string          `json:"model"`
		Input json.RawMessage `json:"input"`
	}
	if !decodeBody(x, &req) {
		return
	}
	if req.Model == "" {
		req.Model = "omni-moderation-latest"
	}
	inputs, ok := moderationInputs(req.Input)
	switch {
	case len(req.Input) == 0:
		badRequest(x.w, "input", "missing_required_parameter", "Missing required parameter: 'input'.")
		return
	case !ok:
		badRequest(x.w, "input", "invalid_type", "Invalid type for 'input': expected a string, an array of strings, or an array of text and image_url objects.")
		return
	case !s.hasModel(req.Model):
		modelNotFound(x.w, req.Model)
		return
	}
	results := make([]map[string]any, len(inputs))
	for i, in := range inputs {
		if in.hasImage && legacyModel(req.Model) {
			badRequest(x.w, "input", "invalid_value", "Model "+req.Model+" does not support image inputs.")
			return
		}
		results[i] = moderationResult(in, legacyModel(req.Model))
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"id": s.newID("modr-"), "model": req.Model, "results": results})
}

// moderationResult scores one input.
func moderationResult(in moderationInput, legacy bool) map[string]any {
	text, images := strings.ToLower(in.text), strings.ToLower(in.images)
	imageCats := imageCategories()
	hit := map[string]bool{}
	for _, r := range ModerationRules() {
		kw := strings.ToLower(r.Keyword)
		for _, c := range r.Categories {
			if strings.Contains(text, kw) || (imageCats[c] && strings.Contains(images, kw)) {
				hit[c] = true
			}
		}
	}
	cats, scores, applied := map[string]any{}, map[string]float64{}, map[string][]string{}
	flagged := false
	for _, c := range ModerationCategories() {
		if legacy && strings.HasPrefix(c, "illicit") {
			continue
		}
		h := hash64(c, in.text, in.images)
		score := float64(h%1000+1) * 1e-6
		if hit[c] {
			score = 0.9 + float64(h%900)/1e4
		}
		scores[c] = score
		cats[c] = score >= 0.5
		flagged = flagged || score >= 0.5
		types := []string{}
		if in.hasText {
			types = append(types, "text")
		}
		if in.hasImage && imageCats[c] {
			types = append(types, "image")
		}
		applied[c] = types
	}
	res := map[string]any{"flagged": flagged, "categories": cats, "category_scores": scores}
	if !legacy {
		res["category_applied_input_types"] = applied
	}
	return res
}
