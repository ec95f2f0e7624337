package privacy

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

//go:embed provider_regions.json
var providerRegionsJSON []byte

// ProviderRegions is the dated list of places AI providers do not serve,
// with the page it was taken from.
type ProviderRegions struct {
	Providers []ProviderCoverage `json:"providers"`
}

// ProviderCoverage is one provider's unsupported places.
type ProviderCoverage struct {
	Name        string         `json:"name"`
	Match       []string       `json:"match"` // lower-case substrings of a recipient's name that mean this provider
	Source      CoverageSource `json:"source"`
	Checked     string         `json:"checked"`  // YYYY-MM-DD the list was recorded
	Verified    bool           `json:"verified"` // whether it was read against the source page on that date
	Note        Text           `json:"note"`
	Unsupported []Place        `json:"unsupported"`
}

// CoverageSource is the public page a coverage list comes from.
type CoverageSource struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Place is a country or territory; Region links it to the questionnaire's
// regions when it is one of them.
type Place struct {
	Code   string `json:"code"` // ISO 3166-1 alpha-2
	Region Region `json:"region,omitempty"`
	Name   Text   `json:"name"`
}

// LoadProviderRegions parses the embedded coverage list.
func LoadProviderRegions() (ProviderRegions, error) {
	var pr ProviderRegions
	if err := json.Unmarshal(providerRegionsJSON, &pr); err != nil {
		return pr, fmt.Errorf("parse provider_regions.json: %w", err)
	}
	for _, p := range pr.Providers {
		if p.Name == "" || len(p.Match) == 0 || p.Source.URL == "" || p.Checked == "" || len(p.Unsupported) == 0 {
			return pr, fmt.Errorf("provider_regions.json: %q needs match, source url, checked date and places", p.Name)
		}
	}
	return pr, nil
}

// UnsupportedRoute is a provider receiving prompts of users in a region it
// does not serve.
type UnsupportedRoute struct {
	Recipient string           `json:"recipient"`
	Provider  ProviderCoverage `json:"provider"`
	Place     Place            `json:"place"`
}

// unsupportedRoutes lists every prompt recipient that gets prompts from a
// users' region its provider does not serve.
func unsupportedRoutes(a Answers) []UnsupportedRoute {
	pr, err := LoadProviderRegions()
	if err != nil {
		panic(err) // the embedded file is checked by tests
	}
	var out []UnsupportedRoute
	for _, r := range promptRecipients(a) {
		p, ok := pr.provider(r.Name)
		if !ok {
			continue
		}
		for _, pl := range p.Unsupported {
			if pl.Region != "" && a.selected(pl.Region) && (len(r.PromptsFrom) == 0 || hasRegion(r.PromptsFrom, pl.Region)) {
				out = append(out, UnsupportedRoute{Recipient: r.Name, Provider: p, Place: pl})
			}
		}
	}
	return out
}

// provider finds the coverage of the provider a recipient name refers to.
func (pr ProviderRegions) provider(name string) (ProviderCoverage, bool) {
	n := strings.ToLower(name)
	i := slices.IndexFunc(pr.Providers, func(p ProviderCoverage) bool {
		return slices.ContainsFunc(p.Match, func(m string) bool { return strings.Contains(n, m) })
	})
	if i < 0 {
		return ProviderCoverage{}, false
	}
	return pr.Providers[i], true
}

// knownProvider: some prompt recipient is a provider with a coverage list.
func knownProvider(a Answers) bool {
	pr, err := LoadProviderRegions()
	if err != nil {
		return false
	}
	return slices.ContainsFunc(promptRecipients(a), func(r Recipient) bool { _, ok := pr.provider(r.Name); return ok })
}

// providersServeUsers: no prompt recipient gets prompts from a region its
// provider does not serve.
func providersServeUsers(a Answers) bool { return len(unsupportedRoutes(a)) == 0 }
