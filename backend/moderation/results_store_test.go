package moderation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/openai"
)

// TestStoreOpenAIExamples stores and reads back the three responses OpenAI
// publishes: two current omni ones and a legacy one without the illicit
// categories or applied input types.
func TestStoreOpenAIExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "reference", "moderation-examples")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 3 {
		t.Skipf("reference examples not available (%d found)", len(files))
	}
	s := newTestService(t)
	su := makeSuite(t, s, "examples", "a", "b", "c")
	run, err := s.CreateRun(su.ID, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var outs []outcome
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var resp openai.ModerationResponse
		if err := json.Unmarshal(b, &resp); err != nil || len(resp.Results) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		outs = append(outs, outcome{idx: i, result: &resp.Results[0]})
	}
	if err := s.saveOutcomes(run.ID, outs); err != nil {
		t.Fatal(err)
	}
	results, err := s.loadResults(run.ID)
	if err != nil || len(results) != 3 {
		t.Fatalf("results = %d, %v", len(results), err)
	}
	for i, r := range results {
		name := filepath.Base(files[i])
		if r.State != StateDone || !r.Flagged || len(r.Categories) != 13 || len(r.Scores) != 13 {
			t.Fatalf("%s: %+v", name, r)
		}
		v, ok := r.Score("violence")
		if !ok || v < 0.8 || r.TopCategory() != "violence" {
			t.Fatalf("%s: violence %v %v, top %s", name, v, ok, r.TopCategory())
		}
		switch {
		case strings.HasPrefix(name, "spec_legacy"):
			if r.Categories["illicit"] != nil || r.Scores["illicit/violent"] != nil || len(r.AppliedInputTypes) != 0 {
				t.Fatalf("legacy: %+v", r)
			}
		case strings.HasPrefix(name, "guide_omni"):
			if got := r.AppliedInputTypes["hate"]; got == nil || len(got) != 0 || strings.Join(r.AppliedInputTypes["violence"], ",") != "image" {
				t.Fatalf("guide applied types = %v", r.AppliedInputTypes)
			}
		default:
			if r.Categories["illicit"] == nil || *r.Categories["illicit"] || strings.Join(r.AppliedInputTypes["sexual"], ",") != "text,image" {
				t.Fatalf("omni: %+v", r)
			}
		}
	}
}
