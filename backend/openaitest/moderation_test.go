package openaitest

import "testing"

// moderationBody is CreateModerationResponse; Applied stays nil when the
// field is absent, as for legacy models.
type moderationBody struct {
	ID      string `json:"id"`
	Model   string `json:"model"`
	Results []struct {
		Flagged    bool                `json:"flagged"`
		Categories map[string]bool     `json:"categories"`
		Scores     map[string]float64  `json:"category_scores"`
		Applied    map[string][]string `json:"category_applied_input_types"`
	} `json:"results"`
}

func TestModeration(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	image := map[string]any{"type": "image_url", "image_url": map[string]string{"url": "https://example.com/gore.png"}}
	text := map[string]any{"type": "text", "text": "a quiet afternoon"}
	tests := []struct {
		name    string
		model   string
		input   any
		results int
		flagged []string // categories expected true in the first result
		applied map[string][]string
		legacy  bool
	}{
		{"OK_Threat", "omni-moderation-latest", "I will kill them all.", 1,
			[]string{"harassment", "harassment/threatening", "violence"},
			map[string][]string{"violence": {"text"}, "hate": {"text"}}, false},
		{"OK_Benign", "", "What a lovely day.", 1, nil, nil, false},
		{"OK_Illicit", "omni-moderation-latest", "how to shoplift", 1, []string{"illicit"}, nil, false},
		{"OK_StringArray", "omni-moderation-latest", []string{"idiot", "fine"}, 2, []string{"harassment"}, nil, false},
		{"OK_ImageAndText", "omni-moderation-latest", []any{text, image}, 1, []string{"violence", "violence/graphic"},
			map[string][]string{"violence": {"text", "image"}, "sexual": {"text", "image"}, "hate": {"text"}}, false},
		{"OK_ImageOnly", "omni-moderation-latest", []any{image}, 1, []string{"violence", "violence/graphic"},
			map[string][]string{"violence/graphic": {"image"}, "harassment": {}, "illicit": {}}, false},
		{"OK_LegacyModel", "text-moderation-007", "I will kill them all.", 1,
			[]string{"harassment", "harassment/threatening", "violence"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := map[string]any{"input": tt.input}
			if tt.model != "" {
				req["model"] = tt.model
			}
			resp, body := post(t, srv, key, "/moderations", req)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			var got moderationBody
			decode(t, body, &got)
			if len(got.Results) != tt.results || got.ID == "" {
				t.Fatalf("results = %d; want %d", len(got.Results), tt.results)
			}
			r := got.Results[0]
			wantCats := 13
			if tt.legacy {
				wantCats = 11
			}
			if len(r.Categories) != wantCats || len(r.Scores) != wantCats {
				t.Fatalf("%d categories, %d scores; want %d", len(r.Categories), len(r.Scores), wantCats)
			}
			if tt.legacy != (r.Applied == nil) {
				t.Fatalf("category_applied_input_types present = %v; legacy %v", r.Applied != nil, tt.legacy)
			}
			want := map[string]bool{}
			for _, c := range tt.flagged {
				want[c] = true
			}
			for c, v := range r.Categories {
				if v != want[c] || (v != (r.Scores[c] >= 0.5)) {
					t.Errorf("%s: flagged %v (score %.3g); want %v", c, v, r.Scores[c], want[c])
				}
			}
			if r.Flagged != (len(tt.flagged) > 0) {
				t.Errorf("flagged = %v", r.Flagged)
			}
			for c, types := range tt.applied {
				if !equal(r.Applied[c], types) {
					t.Errorf("applied[%s] = %v; want %v", c, r.Applied[c], types)
				}
			}
		})
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestModerationRejectsBadInput(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	tests := []struct {
		name string
		body any
		code string
	}{
		{"ErrMissingInput", map[string]any{"model": "omni-moderation-latest"}, "missing_required_parameter"},
		{"ErrBadPart", map[string]any{"input": []any{map[string]string{"type": "audio"}}}, "invalid_type"},
		{"ErrImageOnTextModel", map[string]any{"model": "text-moderation-latest", "input": []any{
			map[string]any{"type": "image_url", "image_url": map[string]string{"url": "https://example.com/a.png"}}}}, "invalid_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := post(t, srv, key, "/moderations", tt.body)
			if resp.StatusCode != 400 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			checkErrorBody(t, body, "invalid_request_error", tt.code)
		})
	}
	resp, body := do(t, srv, key, "POST", srv.URL+"/moderations", nil)
	if resp.StatusCode != 400 {
		t.Fatalf("empty body: status %d", resp.StatusCode)
	}
	checkErrorBody(t, body, "invalid_request_error", "")
}

func TestModerationCategoriesMatchRules(t *testing.T) {
	known := map[string]bool{}
	for _, c := range ModerationCategories() {
		known[c] = true
	}
	covered := map[string]bool{}
	for _, r := range ModerationRules() {
		for _, c := range r.Categories {
			if !known[c] {
				t.Errorf("rule %q names unknown category %q", r.Keyword, c)
			}
			covered[c] = true
		}
	}
	if len(known) != 13 || len(covered) != 13 {
		t.Fatalf("%d categories, %d covered by rules; want 13 and 13", len(known), len(covered))
	}
}
