package checklist

import (
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

//go:embed catalogue.json
var catalogueFS embed.FS

// Text is one sentence or phrase in both of the app's languages.
type Text struct {
	En string `json:"en"`
	Zh string `json:"zh-CN"`
}

// In returns the text in lang ("en" or "zh-CN"), falling back to English.
func (t Text) In(lang string) string {
	if lang == LangZh && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// Steps is an ordered list of concrete actions in both languages.
type Steps struct {
	En []string `json:"en"`
	Zh []string `json:"zh-CN"`
}

// In returns the steps in lang, falling back to English.
func (s Steps) In(lang string) []string {
	if lang == LangZh && len(s.Zh) > 0 {
		return s.Zh
	}
	return s.En
}

// The two languages every catalogue text carries.
const (
	LangEn = "en"
	LangZh = "zh-CN"
)

// Source is the public document a control rests on: a law, a policy or a
// provider's documentation, cited by title, section, address and the date the
// cited text took effect. Internal working documents never appear here; the
// trace from them to the items lives in trace.json.
type Source struct {
	Title     Text   `json:"title"`               // e.g. "OpenAI Usage Policies"
	Section   Text   `json:"section"`             // e.g. "Art. 13(1)(c)"; may be empty
	Effective string `json:"effective,omitempty"` // YYYY-MM-DD the cited text took effect
	URL       string `json:"url"`
}

// Label renders a source as one citation line in lang: title, section,
// effective date and address.
func (s Source) Label(lang string) string {
	out := s.Title.In(lang)
	if sec := s.Section.In(lang); sec != "" {
		if lang == LangZh {
			out += "，" + sec
		} else {
			out += ", " + sec
		}
	}
	switch {
	case s.Effective == "":
	case lang == LangZh:
		out += "（" + s.Effective + " 生效）"
	default:
		out += " (effective " + s.Effective + ")"
	}
	if s.URL != "" {
		out += " " + s.URL
	}
	return out
}

// Condition says when a control applies, in terms of the onboarding profile.
// All flags in All must be true and, when Any is set, at least one of Any.
// An empty condition means the control always applies.
type Condition struct {
	All []string `json:"all,omitempty"`
	Any []string `json:"any,omitempty"`
}

// Section groups related controls.
type Section struct {
	ID      string `json:"id"`
	Title   Text   `json:"title"`
	Summary Text   `json:"summary"`
}

// Item is one control of the catalogue.
type Item struct {
	ItemInfo
	Evidence []string `json:"evidence,omitempty"` // evidence kinds the app can supply
}

// ItemInfo is what a control says, apart from the evidence it accepts; it is
// shared by Item and ItemState, whose evidence fields differ.
type ItemInfo struct {
	ID        string    `json:"id"`
	Section   string    `json:"section"`
	Title     Text      `json:"title"`
	Why       Text      `json:"why"`
	How       Steps     `json:"how"`
	Applies   Text      `json:"applies"`    // when it applies, in words
	AppliesIf Condition `json:"applies_if"` // when it applies, for the wizard
	Sources   []Source  `json:"sources"`
	Since     string    `json:"since"`   // catalogue version that introduced the item
	Changed   string    `json:"changed"` // catalogue version of its last material change
}

// Catalogue is the versioned, embedded list of controls.
type Catalogue struct {
	Version  string    `json:"version"`
	Date     string    `json:"date"`
	Sections []Section `json:"sections"`
	Items    []Item    `json:"items"`
	byID     map[string]int
}

// Evidence kinds the app itself can supply.
var evidenceKinds = []string{"leak-scan", "key-register", "moderation-run", "gateway-log", "privacy-draft", "usage-report"}

// Profile flags the onboarding wizard asks about.
var profileFlags = []string{"consumer", "chatbot", "medical", "legal", "financial", "news", "minors", "impersonation", "eu", "california", "china"}

// LoadCatalogue parses and validates the embedded catalogue.
func LoadCatalogue() (*Catalogue, error) {
	b, err := catalogueFS.ReadFile("catalogue.json")
	if err != nil {
		return nil, fmt.Errorf("read embedded catalogue: %w", err)
	}
	return ParseCatalogue(b)
}

// ParseCatalogue parses a catalogue file and checks every item is complete.
func ParseCatalogue(b []byte) (*Catalogue, error) {
	var c Catalogue
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("parse catalogue: %w", err)
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("catalogue %s: %w", c.Version, err)
	}
	return &c, nil
}

// Item returns the control with the given id.
func (c *Catalogue) Item(id string) (Item, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Item{}, false
	}
	return c.Items[i], true
}

// Section returns the section with the given id.
func (c *Catalogue) Section(id string) (Section, bool) {
	for _, s := range c.Sections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// CompareVersions orders dotted numeric versions such as "1.2" and "1.10".
func CompareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
