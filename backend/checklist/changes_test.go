package checklist

import (
	"slices"
	"testing"
)

// TestCatalogue11ChangesSinceReview: a workspace reviewed against 1.0 sees
// the items catalogue 1.1 added as new and the corrected ones as changed.
func TestCatalogue11ChangesSinceReview(t *testing.T) {
	s, st := newTestService(t) // reviews against the 1.0 test catalogue
	if _, err := s.CreateWorkspace("w"); err != nil {
		t.Fatal(err)
	}
	cat := loadCatalogueForTest(t)
	c, err := New(st, cat, Options{Now: s.now}).CatalogueChanges("w")
	if err != nil {
		t.Fatal(err)
	}
	if c.From != "1.0" || c.To != "1.1" {
		t.Fatalf("from %s to %s; want 1.0 to 1.1", c.From, c.To)
	}
	wantNew := []string{"UP-17", "DP-18", "OP-12", "OP-13", "OP-14", "OP-15"}
	for _, id := range wantNew {
		if !slices.Contains(c.New, id) {
			t.Errorf("new since review lacks %s: %v", id, c.New)
		}
	}
	// Issue 17's corrections.
	for _, id := range []string{"UP-02", "UP-05", "UP-06", "UP-10", "UP-14", "DS-01", "DS-02", "DS-03", "DS-04", "DS-06", "DP-11", "DP-14", "DP-16", "DP-17"} {
		if !slices.Contains(c.Changed, id) {
			t.Errorf("changed since review lacks %s: %v", id, c.Changed)
		}
	}
	for _, id := range c.New {
		if slices.Contains(c.Changed, id) {
			t.Errorf("%s is both new and changed", id)
		}
	}
	if len(c.New) != len(wantNew) {
		t.Errorf("new = %v; want exactly %v", c.New, wantNew)
	}
}

// TestCatalogue11NewItemsApply pins when the new items apply.
func TestCatalogue11NewItemsApply(t *testing.T) {
	c := loadCatalogueForTest(t)
	for id, want := range map[string]Condition{
		"UP-17": {All: []string{"california"}},
		"OP-12": {All: []string{"eu"}},
		"OP-13": {},
		"OP-14": {},
		"OP-15": {All: []string{"china", "consumer"}},
		"DP-18": {},
	} {
		it, ok := c.Item(id)
		if !ok {
			t.Errorf("%s is missing", id)
			continue
		}
		if !slices.Equal(it.AppliesIf.All, want.All) || !slices.Equal(it.AppliesIf.Any, want.Any) {
			t.Errorf("%s applies if %+v; want %+v", id, it.AppliesIf, want)
		}
	}
}

// TestSourceValidation: internal file names, Chinese in the English
// citation and addresses that are not https are refused.
func TestSourceValidation(t *testing.T) {
	ok := Source{Title: Text{En: "GDPR", Zh: "GDPR"}, Section: Text{En: "Art. 13"}, URL: "https://eur-lex.europa.eu/eli/reg/2016/679/oj", Effective: "2018-05-25"}
	if err := ok.validate(); err != nil {
		t.Fatalf("a public source is refused: %v", err)
	}
	for name, s := range map[string]Source{
		"ErrSeedFile":      {Title: Text{En: "seed 002_1a6727886cf58e05.txt"}, URL: ok.URL},
		"ErrChineseInEn":   {Title: Text{En: "PIPL (个人信息保护法)"}, URL: ok.URL},
		"ErrNoURL":         {Title: Text{En: "GDPR"}},
		"ErrHTTP":          {Title: Text{En: "GDPR"}, URL: "http://example.com"},
		"ErrBadEffective":  {Title: Text{En: "GDPR"}, URL: ok.URL, Effective: "25 May 2018"},
		"ErrZhOnlySection": {Title: Text{En: "GDPR"}, URL: ok.URL, Section: Text{Zh: "第 13 条"}},
	} {
		if err := s.validate(); err == nil {
			t.Errorf("%s: accepted %+v", name, s)
		}
	}
}

// TestCatalogueLanguagesStayApart: no Chinese in any English text (the
// English UI and exports show them), and Chinese text keeps a space next to
// Latin letters and digits, as the drafts do.
func TestCatalogueLanguagesStayApart(t *testing.T) {
	c := loadCatalogueForTest(t)
	for _, it := range c.Items {
		en := append([]string{it.Title.En, it.Why.En, it.Applies.En}, it.How.En...)
		zh := append([]string{it.Title.Zh, it.Why.Zh, it.Applies.Zh}, it.How.Zh...)
		for _, s := range it.Sources {
			en = append(en, s.Title.En, s.Section.En, s.Label(LangEn))
			zh = append(zh, s.Title.Zh, s.Section.Zh)
		}
		for _, s := range en {
			if hasHan(s) {
				t.Errorf("%s: Chinese in English text %q", it.ID, s)
			}
		}
		for _, s := range zh {
			if p, r, bad := unspaced(s); bad {
				t.Errorf("%s: %q directly next to %q in %q", it.ID, p, r, s)
			}
		}
	}
}

// unspaced finds a Chinese character directly next to a Latin letter or digit.
func unspaced(s string) (rune, rune, bool) {
	latin := func(r rune) bool {
		return r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}
	var prev rune
	for _, r := range s {
		if hasHan(string(prev)) && latin(r) || latin(prev) && hasHan(string(r)) {
			return prev, r, true
		}
		prev = r
	}
	return 0, 0, false
}
