package checklist

import (
	"errors"
	"fmt"
	"slices"
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
	for _, s := range it.Sources {
		if s.Doc == "" {
			errs = append(errs, errors.New("a source without doc"))
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
