package privacy

// CheckResult is the completeness check: per applicable regime, each element
// the notice must contain and whether the answers provide it.
type CheckResult struct {
	Regimes []RegimeCheck `json:"regimes"`
	Missing int           `json:"missing"` // elements not yet provided, over all regimes
}

// RegimeCheck is one regime's elements: "general" (what every notice this
// app drafts contains), "gdpr", "ccpa" or "pipl".
type RegimeCheck struct {
	Name     string         `json:"name"`
	Elements []ElementCheck `json:"elements"`
}

// ElementCheck is one required element of a notice.
type ElementCheck struct {
	ID       string `json:"id"`       // e.g. "gdpr-13-1-a"
	Title    Text   `json:"title"`    // what it is, in both languages
	Present  bool   `json:"present"`  // the answers provide it
	Question string `json:"question"` // the Questions key that fills it
}

// Regime is a body of rules the check knows, for the GUI's labels.
type Regime struct {
	Name  string `json:"name"`
	Title Text   `json:"title"`
}

// regime is a body of rules with its elements and when it applies.
type regime struct {
	Regime
	selected func(Answers) bool
	elements []element
}

// element is one thing a notice must say under a regime.
type element struct {
	id       string
	title    Text
	question string
	applies  func(Answers) bool // nil: always, within its regime
	present  func(Answers) bool
}

// Regimes lists the regimes the check knows, in the order it reports them.
func Regimes() []Regime {
	var out []Regime
	for _, r := range regimes() {
		out = append(out, r.Regime)
	}
	return out
}

// Check reports, for each regime that applies to the users' regions (and the
// general elements, which always apply), which elements are present.
func Check(a Answers) CheckResult {
	res := CheckResult{Regimes: []RegimeCheck{}}
	for _, r := range regimes() {
		if !r.selected(a) {
			continue
		}
		rc := RegimeCheck{Name: r.Name, Elements: []ElementCheck{}}
		for _, e := range r.elements {
			if e.applies != nil && !e.applies(a) {
				continue
			}
			ec := ElementCheck{ID: e.id, Title: e.title, Present: e.present(a), Question: e.question}
			if !ec.Present {
				res.Missing++
			}
			rc.Elements = append(rc.Elements, ec)
		}
		res.Regimes = append(res.Regimes, rc)
	}
	return res
}

// missing returns the IDs of the elements that are checked and not present.
func (c CheckResult) missing() map[string]bool {
	out := map[string]bool{}
	for _, r := range c.Regimes {
		for _, e := range r.Elements {
			if !e.Present {
				out[e.ID] = true
			}
		}
	}
	return out
}

// checked returns the IDs of every element the check looked at.
func (c CheckResult) checked() map[string]ElementCheck {
	out := map[string]ElementCheck{}
	for _, r := range c.Regimes {
		for _, e := range r.Elements {
			out[e.ID] = e
		}
	}
	return out
}
