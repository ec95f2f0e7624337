package checklist

import (
	"context"
	"database/sql"
)

// Progress counts the workspace's items by status, per section and overall.
func (s *Service) Progress(workspace string) (Progress, error) {
	items, err := s.Items(workspace)
	if err != nil {
		return Progress{}, err
	}
	p := Progress{Overall: SectionProgress{Section: "all", Title: Text{"All sections", "全部分类"}}, Overdue: []string{}, AtRisk: []string{}}
	bySection := map[string]*SectionProgress{}
	for _, sec := range s.cat.Sections {
		p.Sections = append(p.Sections, SectionProgress{Section: sec.ID, Title: sec.Title})
	}
	for i := range p.Sections {
		bySection[p.Sections[i].Section] = &p.Sections[i]
	}
	for _, it := range items {
		bySection[it.Section].count(it.Status)
		p.Overall.count(it.Status)
		if it.Overdue {
			p.Overdue = append(p.Overdue, it.ID)
		}
		if it.Status == StatusAtRisk {
			p.AtRisk = append(p.AtRisk, it.ID)
		}
	}
	p.Overall.percent()
	for i := range p.Sections {
		p.Sections[i].percent()
	}
	return p, nil
}

func (sp *SectionProgress) count(status string) {
	sp.Total++
	switch status {
	case StatusDone:
		sp.Done++
	case StatusInProgress:
		sp.InProgress++
	case StatusAtRisk:
		sp.AtRisk++
	case StatusNotApplicable:
		sp.NotApplicable++
	default:
		sp.Todo++
	}
}

func (sp *SectionProgress) percent() {
	if applicable := sp.Total - sp.NotApplicable; applicable > 0 {
		sp.Percent = sp.Done * 100 / applicable
	} else if sp.Total > 0 {
		sp.Percent = 100
	}
}

// CatalogueChanges lists items added or changed since the catalogue version
// the workspace was last reviewed against.
func (s *Service) CatalogueChanges(workspace string) (CatalogueChanges, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return CatalogueChanges{}, err
	}
	c := CatalogueChanges{From: w.ReviewedVersion, To: s.cat.Version, New: []string{}, Changed: []string{}}
	for _, it := range s.cat.Items {
		switch {
		case CompareVersions(it.Since, w.ReviewedVersion) > 0:
			c.New = append(c.New, it.ID)
		case CompareVersions(it.Changed, w.ReviewedVersion) > 0:
			c.Changed = append(c.Changed, it.ID)
		}
	}
	return c, nil
}

// MarkReviewed records that the workspace has been reviewed against the shipped catalogue.
func (s *Service) MarkReviewed(workspace string) error {
	w, err := s.Workspace(workspace)
	if err != nil {
		return err
	}
	return s.st.Write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE workspaces SET reviewed_version = ? WHERE id = ?`, s.cat.Version, w.ID)
		return err
	})
}
