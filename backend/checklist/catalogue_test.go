package checklist

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The five sections of the catalogue and the id prefix each one uses.
var catalogueSectionPrefixes = map[string]string{
	"usage-policy": "UP",
	"disclosure":   "DS",
	"key-hygiene":  "KH",
	"data-privacy": "DP",
	"operations":   "OP",
}

func loadCatalogueForTest(t *testing.T) *Catalogue {
	t.Helper()
	c, err := LoadCatalogue()
	if err != nil {
		t.Fatalf("LoadCatalogue: %v", err)
	}
	return c
}

func TestCatalogueLoads(t *testing.T) {
	c := loadCatalogueForTest(t)
	if c.Version != "1.1" || c.Date != "2026-12-07" {
		t.Errorf("version/date = %q/%q, want 1.1/2026-12-07", c.Version, c.Date)
	}
	if len(c.Sections) != len(catalogueSectionPrefixes) {
		t.Errorf("got %d sections, want %d", len(c.Sections), len(catalogueSectionPrefixes))
	}
	for _, s := range c.Sections {
		if _, ok := catalogueSectionPrefixes[s.ID]; !ok {
			t.Errorf("unexpected section %q", s.ID)
		}
		if s.Title.En == "" || s.Title.Zh == "" || s.Summary.En == "" || s.Summary.Zh == "" {
			t.Errorf("section %s needs title and summary in both languages", s.ID)
		}
	}
}

func TestCatalogueCounts(t *testing.T) {
	c := loadCatalogueForTest(t)
	if n := len(c.Items); n < 40 || n > 70 {
		t.Errorf("got %d items, want 40..70", n)
	}
	perSection := map[string]int{}
	for _, it := range c.Items {
		perSection[it.Section]++
	}
	for id := range catalogueSectionPrefixes {
		if perSection[id] < 4 {
			t.Errorf("section %s has %d items, want at least 4", id, perSection[id])
		}
	}
	t.Logf("items: %d, per section: %v", len(c.Items), perSection)
}

func TestCatalogueItemsComplete(t *testing.T) {
	c := loadCatalogueForTest(t)
	for _, it := range c.Items {
		for name, txt := range map[string]Text{"title": it.Title, "why": it.Why, "applies": it.Applies} {
			if strings.TrimSpace(txt.En) == "" || strings.TrimSpace(txt.Zh) == "" {
				t.Errorf("%s: %s needs both en and zh-CN", it.ID, name)
			}
		}
		if len(it.Title.En) > 70 {
			t.Errorf("%s: English title is %d bytes, keep it under 70", it.ID, len(it.Title.En))
		}
		if len(it.How.En) == 0 || len(it.How.En) != len(it.How.Zh) {
			t.Errorf("%s: how has %d en and %d zh-CN steps", it.ID, len(it.How.En), len(it.How.Zh))
		}
		for i, step := range append(slices.Clone(it.How.En), it.How.Zh...) {
			if strings.TrimSpace(step) == "" {
				t.Errorf("%s: step %d is empty", it.ID, i)
			}
		}
		if len(it.Sources) == 0 {
			t.Errorf("%s: no source", it.ID)
		}
		for _, s := range it.Sources {
			if err := s.validate(); err != nil {
				t.Errorf("%s: %v", it.ID, err)
			}
		}
		if !slices.Contains([]string{"1.0", "1.1"}, it.Since) || !slices.Contains([]string{"1.0", "1.1"}, it.Changed) {
			t.Errorf("%s: since/changed = %q/%q, want 1.0 or 1.1", it.ID, it.Since, it.Changed)
		}
	}
}

func TestCatalogueIDs(t *testing.T) {
	c := loadCatalogueForTest(t)
	idPattern := regexp.MustCompile(`^(UP|DS|KH|DP|OP)-\d\d$`)
	seen := map[string]bool{}
	for _, it := range c.Items {
		if seen[it.ID] {
			t.Errorf("id %s is repeated", it.ID)
		}
		seen[it.ID] = true
		if !idPattern.MatchString(it.ID) {
			t.Errorf("id %q does not match %s", it.ID, idPattern)
			continue
		}
		if want := catalogueSectionPrefixes[it.Section] + "-"; !strings.HasPrefix(it.ID, want) {
			t.Errorf("id %s is in section %s, want prefix %s", it.ID, it.Section, want)
		}
		if got, ok := c.Item(it.ID); !ok || got.ID != it.ID {
			t.Errorf("Item(%s) did not find the item", it.ID)
		}
	}
}

// TestCatalogueConditions pins the wizard conditions the issue asks for.
func TestCatalogueConditions(t *testing.T) {
	c := loadCatalogueForTest(t)
	cases := []struct {
		id       string
		all, any []string
	}{
		{"DS-01", nil, []string{"chatbot", "consumer"}},
		{"DS-02", []string{"consumer"}, []string{"medical", "legal", "financial"}},
		{"DS-03", []string{"news"}, nil},
		{"DS-04", []string{"impersonation"}, nil},
		{"DP-05", nil, []string{"eu", "california"}},
		{"DP-12", []string{"eu"}, nil},
		{"DP-13", []string{"california"}, nil},
		{"DP-14", []string{"china"}, nil},
		{"DP-15", []string{"china"}, nil},
		{"DP-16", []string{"minors"}, nil},
		{"UP-01", nil, nil},
		{"KH-01", nil, nil},
		{"OP-04", nil, nil},
	}
	for _, tc := range cases {
		it, ok := c.Item(tc.id)
		if !ok {
			t.Errorf("%s: missing", tc.id)
			continue
		}
		if !slices.Equal(it.AppliesIf.All, tc.all) || !slices.Equal(it.AppliesIf.Any, tc.any) {
			t.Errorf("%s: applies_if = all %v any %v, want all %v any %v",
				tc.id, it.AppliesIf.All, it.AppliesIf.Any, tc.all, tc.any)
		}
	}
}

func TestCatalogueFileFormat(t *testing.T) {
	raw, err := catalogueFS.ReadFile("catalogue.json")
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(raw) {
		t.Fatal("catalogue.json is not valid UTF-8")
	}
	// Nothing shaped like an OpenAI key (sk-..., sk-proj-..., sk-admin-...) may appear.
	if m := regexp.MustCompile(`sk-[A-Za-z0-9_-]{16,}`).Find(raw); m != nil {
		t.Errorf("catalogue.json contains a key-like string %q", m)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		t.Fatal(err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	if !bytes.Equal(pretty.Bytes(), raw) {
		t.Error("catalogue.json is not pretty-printed with 2-space indentation and a final newline")
	}
}
