package privacy

import "slices"

// Predicates for the elements the GDPR, the CCPA and the PIPL add beyond a
// basic notice. Like facts.go, Check and the draft's markers share them.

// sensitiveCategories returns the categories marked sensitive.
func sensitiveCategories(a Answers) []DataCategory {
	var out []DataCategory
	for _, c := range a.Categories {
		if c.Sensitive {
			out = append(out, c)
		}
	}
	return out
}

func anySensitive(a Answers) bool { return len(sensitiveCategories(a)) > 0 }

// art9Given: every sensitive category names its GDPR Art. 9(2) condition.
func art9Given(a Answers) bool {
	for _, c := range sensitiveCategories(a) {
		if !slices.Contains(Art9Conditions, c.Art9Condition) {
			return false
		}
	}
	return true
}

// needsConsentWithdrawal: some processing rests on consent, under Art. 6(1)(a)
// or Art. 9(2)(a).
func needsConsentWithdrawal(a Answers) bool {
	if a.usesBasis(BasisConsent) {
		return true
	}
	for _, c := range sensitiveCategories(a) {
		if c.Art9Condition == Art9ExplicitConsent {
			return true
		}
	}
	return false
}

// hasSafeguard reports whether t relies on any of ss.
func (t Transfer) hasSafeguard(ss ...Safeguard) bool {
	for _, s := range t.Safeguards {
		if slices.Contains(ss, s) {
			return true
		}
	}
	return false
}

// adequate reports whether an adequacy decision covers the transfer, and
// whether that is known: relying on adequacy or a framework implies it.
func (t Transfer) adequate() (yes, known bool) {
	if t.hasSafeguard(SafeguardAdequacy, SafeguardDPF, SafeguardUKExtension) {
		return true, true
	}
	if t.Adequacy == nil {
		return false, false
	}
	return *t.Adequacy, true
}

// carries reports whether t carries data of users in r, among the users' regions.
func (a Answers) carries(t Transfer, r Region) bool {
	return a.selected(r) && (len(t.From) == 0 || hasRegion(t.From, r))
}

// gdprTransferComplete: a transfer names who and where, whether an adequacy
// decision covers it, and a tool valid for each of EU and UK data it carries.
func gdprTransferComplete(a Answers, t Transfer) bool {
	if _, known := t.adequate(); !known || !has(t.Recipient) || t.Country.Empty() {
		return false
	}
	if t.hasSafeguard(SafeguardDerogation) && t.Derogation.Empty() {
		return false
	}
	eu := !a.carries(t, RegionEU) || slices.ContainsFunc(t.Safeguards, Safeguard.validForEU)
	uk := !a.carries(t, RegionUK) || slices.ContainsFunc(t.Safeguards, Safeguard.validForUK)
	return eu && uk
}

// CCPA

func ccpaCategoriesGiven(a Answers) bool {
	return allCategories(a, func(c DataCategory) bool { return slices.Contains(CCPACategories, c.CCPACategory) })
}

// disclosuresGiven: every recipient says which categories it receives.
func disclosuresGiven(a Answers) bool {
	if len(a.Recipients) == 0 {
		return false
	}
	for _, r := range a.Recipients {
		if len(r.Categories) == 0 {
			return false
		}
	}
	return true
}

func sells(a Answers) bool { s := a.California.SellsOrShares; return s != nil && *s }

func saleDetailGiven(a Answers) bool {
	return !a.California.SaleRecipients.Empty() && !a.California.SalePurposes.Empty()
}

func verificationGiven(a Answers) bool { return !a.California.Verification.Empty() }

func agentGiven(a Answers) bool { return !a.California.AgentHow.Empty() }

func signalsGiven(a Answers) bool { return !a.California.OptOutSignals.Empty() }

// tollFreeGiven: a toll-free number, unless the business is online only
// (§1798.130(a)(1)(A)).
func tollFreeGiven(a Answers) bool {
	c := a.California
	return has(c.TollFree) || c.OnlineOnly != nil && *c.OnlineOnly
}

func lastUpdatedGiven(a Answers) bool { return has(a.Changes.LastUpdated) }

// ccpaSensitive: the categories that are sensitive personal information under
// the CCPA: those marked sensitive and account log-ins (§1798.140(ae)(1)(D)).
func ccpaSensitive(a Answers) bool {
	return slices.ContainsFunc(a.Categories, func(c DataCategory) bool { return c.Sensitive || c.LoginCredentials })
}

// loginsAnswered: whether account log-ins are collected is answered, and when
// they are, the category holding them is marked.
func loginsAnswered(a Answers) bool {
	l := a.California.CollectsLogins
	return l != nil && (!*l || slices.ContainsFunc(a.Categories, func(c DataCategory) bool { return c.LoginCredentials }))
}

// PIPL

// necessityGiven: every sensitive category says why it is needed and how it
// affects the person (PIPL Art. 30).
func necessityGiven(a Answers) bool {
	for _, c := range sensitiveCategories(a) {
		if c.Necessity.Empty() {
			return false
		}
	}
	return true
}

// handlersRecipients are the recipients that decide for themselves: PIPL's
// other personal information handlers (Art. 23).
func handlersRecipients(a Answers) []Recipient {
	var out []Recipient
	for _, r := range a.Recipients {
		if r.Role == RoleController {
			out = append(out, r)
		}
	}
	return out
}

func anyHandlerRecipient(a Answers) bool { return len(handlersRecipients(a)) > 0 }

// handlersDisclosed: each independent recipient is named with its contact,
// purpose, method and categories, and gets data only with separate consent.
func handlersDisclosed(a Answers) bool {
	for _, r := range handlersRecipients(a) {
		if !has(r.Name) || !has(r.Contact) || r.Purpose.Empty() || r.Method.Empty() || len(r.Categories) == 0 ||
			r.SeparateConsent == nil || !*r.SeparateConsent {
			return false
		}
	}
	return true
}

func officerGiven(a Answers) bool {
	o := a.China.Officer
	return o.Required != nil && (!*o.Required || has(o.Name) && (has(o.Email)))
}

// under14 reports whether children under 14 may use the service.
func under14(a Answers) bool { m := a.Children.MinimumAge; return m > 0 && m < 14 }

func childRulesGiven(a Answers) bool {
	c := a.Children
	return c.ParentalConsent != nil && *c.ParentalConsent && !c.SpecialRules.Empty()
}

func automatedUsed(a Answers) bool { u := a.AutomatedDecisions.Used; return u != nil && *u }

func refusalGiven(a Answers) bool {
	d := a.AutomatedDecisions
	return !d.Logic.Empty() && !d.RefuseHow.Empty()
}

func accountDeletionGiven(a Answers) bool { return !a.China.AccountDeletion.Empty() }

// sdksGiven: whether third-party SDKs are embedded, and each one's name and
// purpose when they are.
func sdksGiven(a Answers) bool {
	s := a.China.SDKs
	if s.Used == nil {
		return false
	}
	if !*s.Used {
		return true
	}
	if len(s.List) == 0 {
		return false
	}
	for _, k := range s.List {
		if !has(k.Name) || k.Purpose.Empty() {
			return false
		}
	}
	return true
}

func retentionEndGiven(a Answers) bool { return !a.China.RetentionEnd.Empty() }

// AI

func screeningUsed(a Answers) bool { s := a.AI.PIIScreening; return s != nil && *s }

// screeningConsistent: the screening says what it does, and does not claim to
// block personal data the notice says is sent.
func screeningConsistent(a Answers) bool {
	act := a.AI.PIIScreeningAction
	if !slices.Contains(ScreeningActions, act) {
		return false
	}
	p := a.AI.PromptsContainPersonalData
	return !(act == ScreenBlock && p != nil && *p)
}
