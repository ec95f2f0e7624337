package usage

import (
	"context"
	"strings"
	"time"
)

// PriceList is the price table as the Prices screen shows it: every model
// with a price, the date the defaults were taken and where to check them.
type PriceList struct {
	DefaultsAsOf string  `json:"defaults_as_of"`
	Source       string  `json:"source"`
	Prices       []Price `json:"prices"`
}

// Costs are stored with each event when it is written, priced by the table
// in force then, so year-long reports read summed costs from the rollups
// instead of re-pricing a million rows. Editing a price re-prices the stored
// events and rollups of every model whose price changed (SetPrice and
// ResetPrice do it; Recompute does it for all models).

// Prices returns the shipped defaults merged with the team's edits.
func (s *Service) Prices(ctx context.Context) (PriceList, error) {
	t, err := s.priceTable(ctx)
	if err != nil {
		return PriceList{}, err
	}
	return PriceList{DefaultsAsOf: DefaultPricesAsOf, Source: PricesSource, Prices: t.List()}, nil
}

func (s *Service) priceTable(ctx context.Context) (PriceTable, error) {
	edits, err := s.st.PriceEdits(ctx)
	if err != nil {
		return PriceTable{}, err
	}
	return NewPriceTable(append(DefaultPrices(), edits...)), nil
}

// SetPrice saves the team's price for a model (a new model or an edit of a
// default) and re-prices the stored usage it changes.
func (s *Service) SetPrice(ctx context.Context, p Price) (PriceList, error) {
	p, err := validPrice("usage.price", p)
	if err != nil {
		return PriceList{}, err
	}
	p.Custom, p.AsOf = true, s.now().UTC().Format(time.DateOnly)
	return s.changePrices(ctx, func() error { return s.st.SetPriceEdit(ctx, p) })
}

// ResetPrice removes the team's price for a model, so the shipped default
// (if any) applies again, and re-prices the stored usage it changes.
func (s *Service) ResetPrice(ctx context.Context, model string) (PriceList, error) {
	return s.changePrices(ctx, func() error { return s.st.DeletePriceEdit(ctx, strings.TrimSpace(model)) })
}

// changePrices applies an edit and re-prices the models whose price moved.
func (s *Service) changePrices(ctx context.Context, edit func() error) (PriceList, error) {
	before, err := s.priceTable(ctx)
	if err != nil {
		return PriceList{}, err
	}
	if err := edit(); err != nil {
		return PriceList{}, err
	}
	after, err := s.priceTable(ctx)
	if err != nil {
		return PriceList{}, err
	}
	models, err := s.st.Models(ctx)
	if err != nil {
		return PriceList{}, err
	}
	var changed []string
	for _, m := range models {
		a, _ := before.Lookup(m)
		b, _ := after.Lookup(m)
		if a.InputPerMillion != b.InputPerMillion || a.CachedInputPerMillion != b.CachedInputPerMillion ||
			a.OutputPerMillion != b.OutputPerMillion {
			changed = append(changed, m)
		}
	}
	if len(changed) > 0 {
		n, err := s.st.Recompute(ctx, after, changed)
		if err != nil {
			return PriceList{}, err
		}
		s.log.Info("usage costs recomputed", "models", strings.Join(changed, ","), "events", n)
	}
	return PriceList{DefaultsAsOf: DefaultPricesAsOf, Source: PricesSource, Prices: after.List()}, nil
}

// Recompute re-prices every stored event and rollup with the current
// table, returning how many events it updated: after an upgrade that ships
// new default prices, or to repair costs.
func (s *Service) Recompute(ctx context.Context) (int64, error) {
	t, err := s.priceTable(ctx)
	if err != nil {
		return 0, err
	}
	return s.st.Recompute(ctx, t, nil)
}

// UnpricedModels lists models in the log the price table has no price for,
// whose calls therefore cost 0 in reports until a price is added.
func (s *Service) UnpricedModels(ctx context.Context) ([]string, error) {
	t, err := s.priceTable(ctx)
	if err != nil {
		return nil, err
	}
	models, err := s.st.Models(ctx)
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, m := range models {
		if _, ok := t.Lookup(m); !ok && m != "" {
			out = append(out, m)
		}
	}
	return out, nil
}
