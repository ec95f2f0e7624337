package privacy

// The predicates below decide whether an answer is complete. Check uses them
// for its elements and the draft for its [TODO] markers, so the two agree.

func orgComplete(a Answers) bool {
	o := a.Organisation
	return has(o.Name) && has(o.Address) && has(o.Email)
}

func handlerComplete(a Answers) bool {
	o := a.Organisation
	return has(o.Name) && (has(o.Email) || has(o.Phone) || has(o.Address))
}

// gdprIdentity adds to the organisation the EU and UK representatives where
// the organisation has no establishment there (GDPR Art. 27).
func gdprIdentity(a Answers) bool {
	return orgComplete(a) && len(a.Organisation.EstablishedIn) > 0 &&
		(!a.needsRepresentative(RegionEU) || a.EURepresentative.complete()) &&
		(!a.needsRepresentative(RegionUK) || a.UKRepresentative.complete())
}

func dpoComplete(a Answers) bool {
	d := a.DPO
	return d.Appointed != nil && (!*d.Appointed || has(d.Email))
}

func productsGiven(a Answers) bool { return len(a.Products) > 0 && !a.Products[0].Empty() }

func regionsGiven(a Answers) bool { return len(a.Users.Regions) > 0 }

// allCategories reports whether there is at least one category and every one
// satisfies ok.
func allCategories(a Answers, ok func(DataCategory) bool) bool {
	if len(a.Categories) == 0 {
		return false
	}
	for _, c := range a.Categories {
		if !ok(c) {
			return false
		}
	}
	return true
}

func categoriesNamed(a Answers) bool {
	return allCategories(a, func(c DataCategory) bool { return !c.Name.Empty() })
}

func sourcesGiven(a Answers) bool {
	return allCategories(a, func(c DataCategory) bool { return !c.Source.Empty() })
}

func retentionGiven(a Answers) bool {
	return allCategories(a, func(c DataCategory) bool { return !c.Retention.Empty() })
}

// allPurposes reports whether there is at least one purpose and every one
// satisfies ok.
func allPurposes(a Answers, ok func(Purpose) bool) bool {
	if len(a.Purposes) == 0 {
		return false
	}
	for _, p := range a.Purposes {
		if !ok(p) {
			return false
		}
	}
	return true
}

func purposesGiven(a Answers) bool {
	return allPurposes(a, func(p Purpose) bool { return !p.Purpose.Empty() })
}

func basesGiven(a Answers) bool {
	return allPurposes(a, func(p Purpose) bool { return !p.Purpose.Empty() && p.LegalBasis != "" })
}

func methodsGiven(a Answers) bool {
	return allPurposes(a, func(p Purpose) bool { return !p.Purpose.Empty() && !p.Method.Empty() })
}

// interestsGiven: every purpose resting on legitimate interests names them.
func interestsGiven(a Answers) bool {
	for _, p := range a.Purposes {
		if p.LegalBasis == BasisLegitimateInterests && p.LegitimateInterest.Empty() {
			return false
		}
	}
	return true
}

func recipientsGiven(a Answers) bool {
	if len(a.Recipients) == 0 {
		return false
	}
	for _, r := range a.Recipients {
		if !has(r.Name) || r.Purpose.Empty() {
			return false
		}
	}
	return true
}

func disclosureGiven(a Answers) bool { return !a.AI.Disclosure.Empty() }

// promptsAnswered: whether prompts may carry personal data, and who gets them.
func promptsAnswered(a Answers) bool {
	return a.AI.PromptsContainPersonalData != nil && len(promptRecipients(a)) > 0
}

func trainingAnswered(a Answers) bool { return a.AI.ProviderTrainsOnData != nil }

func loggingAnswered(a Answers) bool {
	l := a.AI.PromptLogging
	return l != nil && (!*l || a.AI.PromptLogDays > 0)
}

// promptRecipients are the recipients that receive prompts: the AI providers.
func promptRecipients(a Answers) []Recipient {
	var out []Recipient
	for _, r := range a.Recipients {
		if r.ReceivesPrompts && has(r.Name) {
			out = append(out, r)
		}
	}
	return out
}

func exerciseGiven(a Answers) bool { return !a.Rights.How.Empty() && has(a.Rights.Contact) }

func rightsGeneral(a Answers) bool { return exerciseGiven(a) && a.Rights.ResponseDays > 0 }

// gdprRights: the Art. 13(2)(b) rights are all listed, and how to use them.
func gdprRights(a Answers) bool {
	for _, r := range []Right{RightAccess, RightCorrection, RightDeletion, RightRestriction, RightObjection, RightPortability} {
		if !a.offers(r) {
			return false
		}
	}
	return exerciseGiven(a)
}

// consentWithdrawal: where anything rests on consent (Art. 6(1)(a) or
// Art. 9(2)(a)), users are told they can withdraw it.
func consentWithdrawal(a Answers) bool {
	return !needsConsentWithdrawal(a) || a.offers(RightWithdrawConsent)
}

func complaintGiven(a Answers) bool { return a.offers(RightComplaint) }

func provisionGiven(a Answers) bool { return !a.Provision.Empty() }

func automatedAnswered(a Answers) bool {
	d := a.AutomatedDecisions
	return d.Used != nil && (!*d.Used || !d.Logic.Empty() && !d.Significance.Empty())
}

// childrenAnswered: a minimum age, and under 16 whether parents consent.
func childrenAnswered(a Answers) bool {
	c := a.Children
	return c.MinimumAge > 0 && (c.MinimumAge >= 16 || c.ParentalConsent != nil)
}

func cookiesAnswered(a Answers) bool {
	c := a.Cookies
	return c.Used != nil && (!*c.Used || !c.Details.Empty() || len(c.Analytics) > 0)
}

func securityGiven(a Answers) bool { return len(a.Security) > 0 && !a.Security[0].Empty() }

func changesGiven(a Answers) bool {
	return !a.Changes.HowNotified.Empty() && has(a.Changes.EffectiveDate)
}

func effectiveGiven(a Answers) bool { return has(a.Changes.EffectiveDate) }

// gdprTransfers: transfers are answered, and each one of EU or UK data says
// who, where, under which safeguard, and how to get a copy of it.
func gdprTransfers(a Answers) bool {
	t := a.Transfers
	if t.Abroad == nil {
		return false
	}
	if !*t.Abroad {
		return true
	}
	list := a.transfersFrom(RegionEU, RegionUK)
	if len(t.Transfers) == 0 || len(list) > 0 && t.CopyHow.Empty() {
		return false
	}
	for _, tr := range list {
		if !gdprTransferComplete(a, tr) {
			return false
		}
	}
	return true
}

// piplTransferComplete: what PIPL Art. 39 asks about a foreign recipient.
func piplTransferComplete(t Transfer) bool {
	return has(t.Recipient) && has(t.Contact) && !t.Purpose.Empty() && !t.Method.Empty() &&
		len(t.Categories) > 0 && !t.RightsHow.Empty()
}

// piplTransfersApply: the cross-border element applies unless no data of
// users in mainland China leaves it.
func piplTransfersApply(a Answers) bool {
	t := a.Transfers
	return t.Abroad == nil || *t.Abroad && (len(t.Transfers) == 0 || len(a.transfersFrom(RegionChina)) > 0)
}

func piplTransfers(a Answers) bool {
	list := a.transfersFrom(RegionChina)
	if a.Transfers.Abroad == nil || len(list) == 0 {
		return false
	}
	for _, tr := range list {
		if !piplTransferComplete(tr) {
			return false
		}
	}
	return true
}

func sellsAnswered(a Answers) bool {
	s := a.California.SellsOrShares
	return s != nil && (!*s || has(a.California.OptOutLink))
}

// ccpaRights: the rights to know, delete and correct, and whether the right
// to limit sensitive data applies (with its link when it does).
func ccpaRights(a Answers) bool {
	s := a.California.SensitiveBeyondService
	return a.offers(RightAccess) && a.offers(RightDeletion) && a.offers(RightCorrection) &&
		(!ccpaSensitive(a) || s != nil && (!*s || has(a.California.LimitLink)))
}

func contactEmail(a Answers) bool { return has(a.Organisation.Email) }

// piplRepresentativeApplies: a handler outside mainland China serving users
// there names a representative there (PIPL Art. 53).
func piplRepresentativeApplies(a Answers) bool {
	return !hasRegion(a.Organisation.EstablishedIn, RegionChina)
}

func piplRepresentative(a Answers) bool {
	return len(a.Organisation.EstablishedIn) > 0 && a.ChinaRepresentative.complete()
}
