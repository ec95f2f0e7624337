package checklist

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
)

// validate checks the catalogue's invariants: unique ids, known sections,
// both languages on every text, at least one source, known flags and evidence kinds.
func (c *Catalogue) validate() error {
	if c.Version == "" || c.Date == "" {
		return errors.New("missing version or date")
	}
	sections := map[string]bool{}
	for _, s := range c.Sections {
		if err := bothLanguages(s.Title, "section "+s.ID+" title"); err != nil {
			return err
		}
		sections[s.ID] = true
	}
	c.byID = make(map[string]int, len(c.Items))
	var errs []error
	for i, it := range c.Items {
		if _, dup := c.byID[it.ID]; dup || it.ID == "" {
			errs = append(errs, fmt.Errorf("item %d: id %q is empty or repeated", i, it.ID))
			continue
		}
		c.byID[it.ID] = i
		if err := it.validate(sections, c.Version); err != nil {
			errs = append(errs, fmt.Errorf("item %s: %w", it.ID, err))
		}
	}
	return errors.Join(errs...)
}

func (it Item) validate(sections map[string]bool, version string) error {
	var errs []error
	if !sections[it.Section] {
		errs = append(errs, fmt.Errorf("unknown section %q", it.Section))
	}
	for name, t := range map[string]Text{"title": it.Title, "why": it.Why, "applies": it.Applies} {
		errs = append(errs, bothLanguages(t, name))
	}
	if len(it.How.En) == 0 || len(it.How.En) != len(it.How.Zh) {
		errs = append(errs, errors.New("how needs the same non-zero number of steps in both languages"))
	}
	if len(it.Sources) == 0 {
		errs = append(errs, errors.New("no source"))
	}
	for i, s := range it.Sources {
		if err := s.validate(); err != nil {
			errs = append(errs, fmt.Errorf("source %d: %w", i+1, err))
		}
	}
	for _, f := range append(slices.Clone(it.AppliesIf.All), it.AppliesIf.Any...) {
		if !slices.Contains(profileFlags, f) {
			errs = append(errs, fmt.Errorf("unknown profile flag %q", f))
		}
	}
	for _, e := range it.Evidence {
		if !slices.Contains(evidenceKinds, e) {
			errs = append(errs, fmt.Errorf("unknown evidence kind %q", e))
		}
	}
	if it.Since == "" || it.Changed == "" || CompareVersions(it.Changed, version) > 0 || CompareVersions(it.Since, it.Changed) > 0 {
		errs = append(errs, fmt.Errorf("since %q / changed %q must be set and not after %s", it.Since, it.Changed, version))
	}
	return errors.Join(errs...)
}

func bothLanguages(t Text, what string) error {
	if t.En == "" || t.Zh == "" {
		return fmt.Errorf("%s needs both en and zh-CN", what)
	}
	return nil
}

// internalDoc spots citations of the internal working documents, which users
// must never see.
var internalDoc = regexp.MustCompile(`(?i)\bseed\b|\.txt\b`)

// validate checks a source is a public citation: a title in English without
// Chinese, an https address, a YYYY-MM-DD effective date when given.
func (s Source) validate() error {
	switch {
	case s.Title.En == "":
		return errors.New("no English title")
	case hasHan(s.Title.En) || hasHan(s.Section.En):
		return fmt.Errorf("%q: Chinese text in the English citation", s.Title.En)
	case s.Section.En == "" && s.Section.Zh != "":
		return fmt.Errorf("%q: a section in Chinese only", s.Title.En)
	case !strings.HasPrefix(s.URL, "https://"):
		return fmt.Errorf("%q: url %q is not https", s.Title.En, s.URL)
	case s.Effective != "" && !isDate(s.Effective):
		return fmt.Errorf("%q: effective %q is not YYYY-MM-DD", s.Title.En, s.Effective)
	}
	for _, t := range []string{s.Title.En, s.Title.Zh, s.Section.En, s.Section.Zh, s.URL} {
		if internalDoc.MatchString(t) {
			return fmt.Errorf("%q cites an internal document", t)
		}
	}
	return nil
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
