package checklist

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// trace is trace.json: where each recommendation of the documents the
// catalogue was built from is covered.
type trace struct {
	Documents []struct {
		File            string `json:"file"`
		Title           string `json:"title"`
		Recommendations []struct {
			Section string   `json:"section"`
			Items   []string `json:"items"`
		} `json:"recommendations"`
	} `json:"documents"`
}

func loadTrace(t *testing.T) trace {
	t.Helper()
	raw, err := os.ReadFile("trace.json")
	if err != nil {
		t.Fatal(err)
	}
	var tr trace
	if err := json.Unmarshal(raw, &tr); err != nil {
		t.Fatalf("parse trace.json: %v", err)
	}
	return tr
}

// TestTraceCoversEveryRecommendation: every recommendation of every source
// document maps to at least one item that exists in the catalogue.
func TestTraceCoversEveryRecommendation(t *testing.T) {
	c := loadCatalogueForTest(t)
	tr := loadTrace(t)
	if len(tr.Documents) != 4 {
		t.Fatalf("trace covers %d documents, want the 4 seeds", len(tr.Documents))
	}
	n := 0
	for _, d := range tr.Documents {
		if d.File == "" || d.Title == "" || len(d.Recommendations) == 0 {
			t.Errorf("document %q needs a file, a title and recommendations", d.File)
		}
		for _, r := range d.Recommendations {
			n++
			if r.Section == "" || len(r.Items) == 0 {
				t.Errorf("%s: recommendation %q maps to no item", d.File, r.Section)
			}
			for _, id := range r.Items {
				if _, ok := c.Item(id); !ok {
					t.Errorf("%s / %s: item %s is not in the catalogue", d.File, r.Section, id)
				}
			}
		}
	}
	t.Logf("%d recommendations traced", n)
}

// TestTraceIsInternal: users never see the internal document names, and
// every item drawn from them still cites a public source.
func TestTraceIsInternal(t *testing.T) {
	c := loadCatalogueForTest(t)
	tr := loadTrace(t)
	traced := map[string]bool{}
	for _, d := range tr.Documents {
		for _, r := range d.Recommendations {
			for _, id := range r.Items {
				traced[id] = true
			}
		}
	}
	raw, _ := catalogueFS.ReadFile("catalogue.json")
	for _, d := range tr.Documents {
		if strings.Contains(string(raw), strings.TrimSuffix(d.File, ".txt")) {
			t.Errorf("catalogue.json names the internal document %s", d.File)
		}
	}
	for _, it := range c.Items {
		if traced[it.ID] && len(it.Sources) == 0 {
			t.Errorf("%s: traced to a source document but cites no public source", it.ID)
		}
	}
	if !slices.ContainsFunc(c.Items, func(it Item) bool { return traced[it.ID] }) {
		t.Fatal("no item is traced")
	}
}
