package usage

import (
	"math"
	"sort"
	"strings"
)

// DefaultPricesAsOf is the date the shipped prices were taken from OpenAI's
// price list. Prices change: check them against PricesSource and edit the
// table (SetPrice) when they differ.
const DefaultPricesAsOf = "2025-08-07"

// PricesSource is where to check the shipped prices.
const PricesSource = "check against openai.com/api/pricing"

// Price is what a model costs in US dollars per million tokens: uncached
// input, cached input and output (reasoning tokens are billed as output).
type Price struct {
	Model                 string  `json:"model"`
	InputPerMillion       float64 `json:"input_per_million"`
	CachedInputPerMillion float64 `json:"cached_input_per_million"`
	OutputPerMillion      float64 `json:"output_per_million"`
	Custom                bool    `json:"custom"` // edited or added by the team; otherwise the shipped default
	AsOf                  string  `json:"as_of"`  // YYYY-MM-DD: when the default was taken or the edit made
}

// DefaultPrices returns the shipped price table: OpenAI's standard-tier
// list prices on DefaultPricesAsOf. Models matched only by prefix (dated
// snapshots) share their family's price.
func DefaultPrices() []Price {
	prices := []Price{
		{Model: "gpt-5", InputPerMillion: 1.25, CachedInputPerMillion: 0.125, OutputPerMillion: 10},
		{Model: "gpt-5-mini", InputPerMillion: 0.25, CachedInputPerMillion: 0.025, OutputPerMillion: 2},
		{Model: "gpt-5-nano", InputPerMillion: 0.05, CachedInputPerMillion: 0.005, OutputPerMillion: 0.40},
		{Model: "gpt-4.1", InputPerMillion: 2, CachedInputPerMillion: 0.50, OutputPerMillion: 8},
		{Model: "gpt-4.1-mini", InputPerMillion: 0.40, CachedInputPerMillion: 0.10, OutputPerMillion: 1.60},
		{Model: "gpt-4.1-nano", InputPerMillion: 0.10, CachedInputPerMillion: 0.025, OutputPerMillion: 0.40},
		{Model: "gpt-4o", InputPerMillion: 2.50, CachedInputPerMillion: 1.25, OutputPerMillion: 10},
		{Model: "gpt-4o-mini", InputPerMillion: 0.15, CachedInputPerMillion: 0.075, OutputPerMillion: 0.60},
		{Model: "o3", InputPerMillion: 2, CachedInputPerMillion: 0.50, OutputPerMillion: 8},
		{Model: "o3-mini", InputPerMillion: 1.10, CachedInputPerMillion: 0.55, OutputPerMillion: 4.40},
		{Model: "o4-mini", InputPerMillion: 1.10, CachedInputPerMillion: 0.275, OutputPerMillion: 4.40},
		{Model: "text-embedding-3-small", InputPerMillion: 0.02},
		{Model: "text-embedding-3-large", InputPerMillion: 0.13},
		{Model: "text-embedding-ada-002", InputPerMillion: 0.10},
		{Model: "omni-moderation-latest"}, // free
		{Model: "omni-moderation"},        // free: dated snapshots
		{Model: "text-moderation"},        // free: legacy moderation models
	}
	for i := range prices {
		prices[i].AsOf = DefaultPricesAsOf
	}
	return prices
}

// PriceTable finds a model's price: by exact name, else by the longest
// known name the model starts with followed by "-", so dated snapshots
// such as gpt-4o-2024-08-06 cost what gpt-4o costs and gpt-4o-mini-… what
// gpt-4o-mini costs.
type PriceTable struct {
	byModel map[string]Price
}

// NewPriceTable builds a table; later entries replace earlier ones.
func NewPriceTable(prices []Price) PriceTable {
	t := PriceTable{byModel: make(map[string]Price, len(prices))}
	for _, p := range prices {
		t.byModel[strings.ToLower(p.Model)] = p
	}
	return t
}

// Lookup returns model's price and whether the table knows one.
func (t PriceTable) Lookup(model string) (Price, bool) {
	m := strings.ToLower(strings.TrimSpace(model))
	if p, ok := t.byModel[m]; ok {
		return p, true
	}
	var best Price
	bestLen := 0
	for name, p := range t.byModel {
		if len(name) > bestLen && strings.HasPrefix(m, name+"-") {
			best, bestLen = p, len(name)
		}
	}
	return best, bestLen > 0
}

// List returns the table sorted by model.
func (t PriceTable) List() []Price {
	out := make([]Price, 0, len(t.byModel))
	for _, p := range t.byModel {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Model < out[j].Model })
	return out
}

// Cost estimates what e cost in US dollars; 0 when the model has no price
// or the call reported no tokens.
func (t PriceTable) Cost(e Event) float64 {
	p, ok := t.Lookup(e.Model)
	if !ok {
		return 0
	}
	in, cached, out := billable(e)
	return p.cost(in, cached, out)
}

// cost is the formula every cost goes through, for one call or for sums:
// it is linear, so the cost of a rollup is the sum of its calls' costs.
func (p Price) cost(input, cached, output int64) float64 {
	usd := float64(input-cached)*p.InputPerMillion + float64(cached)*p.CachedInputPerMillion +
		float64(output)*p.OutputPerMillion
	return usd / 1e6
}

// billable is e's token counts as rollups keep them: unreported counts as
// 0, and cached input never more than input.
func billable(e Event) (input, cached, output int64) {
	input = max(e.InputTokens, 0)
	cached = min(max(e.CachedTokens, 0), input)
	output = max(e.OutputTokens, 0)
	return input, cached, output
}

// roundMicro rounds dollars to millionths, so reported sums print cleanly.
func roundMicro(usd float64) float64 { return math.Round(usd*1e6) / 1e6 }

// validPrice checks an edit: a model name and finite, non-negative prices.
func validPrice(op string, p Price) (Price, error) {
	p.Model = strings.TrimSpace(p.Model)
	if p.Model == "" {
		return p, errPrice(op, "Name the model the price is for.", "请填写价格对应的模型名称。")
	}
	for _, v := range []float64{p.InputPerMillion, p.CachedInputPerMillion, p.OutputPerMillion} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 10000 {
			return p, errPrice(op, "Prices are US dollars per million tokens, from 0 to 10,000.",
				"价格以每百万 token 美元计，取值 0 到 10,000。")
		}
	}
	return p, nil
}
