package openai

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"steward/backend/apperr"
)

func TestModerate(t *testing.T) {
	h := newHarness(t, testKey(t), nil, nil)
	ctx := context.Background()

	resp, info, err := h.c.Moderate(ctx, ModerationRequest{Texts: []string{"I will kill them.", "A sunny day."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Results) != 2 || !resp.Results[0].Flagged || resp.Results[1].Flagged || resp.Model != DefaultModerationModel {
		t.Fatalf("resp = %+v", resp)
	}
	r := resp.Results[0]
	if !r.Categories.Violence || !r.Categories.HarassmentThreatening || r.Categories.Illicit == nil || *r.Categories.Illicit {
		t.Fatalf("categories = %+v", r.Categories)
	}
	if r.CategoryScores.Violence < 0.5 || r.CategoryScores.IllicitViolent == nil {
		t.Fatalf("scores = %+v", r.CategoryScores)
	}
	list := r.List()
	if len(list) != 13 || list[11].Name != "violence" || !list[11].Flagged || !list[11].Reported || list[11].AppliedTo[0] != "text" {
		t.Fatalf("List = %+v", list)
	}
	if info.Endpoint != "/moderations" || info.Status != 200 || info.Model != DefaultModerationModel || info.Attempt != 1 {
		t.Fatalf("CallInfo = %+v", info)
	}

	resp, _, err = h.c.Moderate(ctx, ModerationRequest{Input: []ModerationInput{
		TextInput("holiday photo"), ImageInput("https://example.com/gore.jpg"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	r = resp.Results[0]
	if len(resp.Results) != 1 || !r.Categories.ViolenceGraphic {
		t.Fatalf("image result = %+v", resp)
	}
	if got := r.AppliedInputTypes["violence"]; len(got) != 2 || got[1] != "image" {
		t.Fatalf("applied[violence] = %v; want [text image]", got)
	}
	if got := r.AppliedInputTypes["harassment"]; len(got) != 1 || got[0] != "text" {
		t.Fatalf("applied[harassment] = %v; want [text]", got)
	}

	resp, _, err = h.c.Moderate(ctx, ModerationRequest{Model: "text-moderation-007", Texts: []string{"I will kill them."}})
	if err != nil {
		t.Fatal(err)
	}
	r = resp.Results[0]
	if r.Categories.Illicit != nil || r.CategoryScores.Illicit != nil || r.AppliedInputTypes != nil || !r.Categories.Violence {
		t.Fatalf("legacy result = %+v", r)
	}
	if l := r.List(); l[4].Reported || !l[11].Reported {
		t.Fatalf("legacy List = %+v", l)
	}

	if _, _, err := h.c.Moderate(ctx, ModerationRequest{}); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("empty request err = %v", err)
	}
	_, _, err = h.c.Moderate(ctx, ModerationRequest{Model: "text-moderation-latest", Input: []ModerationInput{ImageInput("https://example.com/a.png")}})
	if apperr.CodeOf(err) != CodeBadRequest {
		t.Fatalf("image on a text model: err = %v; want %s", err, CodeBadRequest)
	}
}

// TestModerationExamples parses the three responses OpenAI publishes: two
// current omni ones and a legacy one without illicit or applied types.
func TestModerationExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "reference", "moderation-examples")
	read := func(name string) ModerationResult {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			t.Skipf("%s not present", dir)
		}
		if err != nil {
			t.Fatal(err)
		}
		var resp ModerationResponse
		if err := json.Unmarshal(b, &resp); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(resp.Results) != 1 || resp.ID == "" || resp.Model == "" {
			t.Fatalf("%s: %+v", name, resp)
		}
		return resp.Results[0]
	}

	omni := read("spec_omni_modr-0d9740456c391e43c445bf0f010940c7.json")
	if !omni.Flagged || !omni.Categories.Harassment || omni.Categories.Illicit == nil || *omni.Categories.Illicit ||
		omni.CategoryScores.Harassment != 0.8189693396524255 || *omni.CategoryScores.IllicitViolent != 0.008925306722380033 {
		t.Fatalf("omni = %+v", omni)
	}
	if got := omni.AppliedInputTypes["sexual"]; len(got) != 2 || got[0] != "text" || got[1] != "image" {
		t.Fatalf("omni applied[sexual] = %v", got)
	}

	guide := read("guide_omni_modr-970d409ef3bef3b70c73d8232df86e7d.json")
	if !guide.Categories.Violence || guide.CategoryScores.Violence != 0.8599265510337075 {
		t.Fatalf("guide = %+v", guide)
	}
	if got, ok := guide.AppliedInputTypes["hate"]; !ok || got == nil || len(got) != 0 {
		t.Fatalf("guide applied[hate] = %#v; want an empty, present list", got)
	}
	if got := guide.AppliedInputTypes["violence"]; len(got) != 1 || got[0] != "image" {
		t.Fatalf("guide applied[violence] = %v", got)
	}

	legacy := read("spec_legacy_text-moderation-007.json")
	if legacy.Categories.Illicit != nil || legacy.CategoryScores.IllicitViolent != nil || legacy.AppliedInputTypes != nil {
		t.Fatalf("legacy has illicit or applied types: %+v", legacy)
	}
	if !legacy.Categories.HarassmentThreatening || legacy.CategoryScores.Violence != 0.9971134662628174 {
		t.Fatalf("legacy = %+v", legacy)
	}
	reported := 0
	for _, c := range legacy.List() {
		if c.Reported {
			reported++
		}
	}
	if reported != 11 {
		t.Fatalf("legacy reports %d categories; want 11", reported)
	}
}
