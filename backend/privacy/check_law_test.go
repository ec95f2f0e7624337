package privacy

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestCheckLawElements covers each element issue 17 added: present on the
// shipped example or a completed change, missing when the answer is taken
// away, and not listed where it does not apply.
func TestCheckLawElements(t *testing.T) {
	all := loadSet(t, "all")
	sensitive := func(a *Answers) { a.Categories[1].Sensitive = true }
	tests := []struct {
		name    string
		change  func(a *Answers)
		id      string
		present bool
		listed  bool
	}{
		// GDPR Art. 9(2) and 13(2)(c) for Art. 9(2)(a).
		{"NotListedArt9WithoutSensitiveData", func(a *Answers) {}, elGDPRArt9, false, false},
		{"MissingArt9ConditionWithContractBasis", sensitive, elGDPRArt9, false, true},
		{"OK_Art9Condition", func(a *Answers) { sensitive(a); a.Categories[1].Art9Condition = Art9HealthCare }, elGDPRArt9, true, true},
		{"MissingWithdrawalForExplicitConsent", func(a *Answers) {
			sensitive(a)
			a.Categories[1].Art9Condition = Art9ExplicitConsent
			a.Rights.Offered = without(a.Rights.Offered, RightWithdrawConsent)
		}, elGDPRWithdraw, false, true},
		// GDPR Art. 13(1)(f): adequacy, UK tools, Art. 49.
		{"MissingAdequacyAnswer", func(a *Answers) { a.Transfers.Transfers[0].Adequacy = nil }, elGDPRTransfers, false, true},
		{"OK_AdequacyImpliedByDPF", func(a *Answers) {
			a.Transfers.Transfers[0].Adequacy = nil
			a.Transfers.Transfers[0].Safeguards = []Safeguard{SafeguardDPF}
		}, elGDPRTransfers, true, true},
		{"MissingUKToolForUKData", func(a *Answers) {
			a.Users.Regions = append(a.Users.Regions, RegionUK)
			a.Transfers.Transfers[0].From = nil
		}, elGDPRTransfers, false, true},
		{"OK_UKAddendum", func(a *Answers) {
			a.Users.Regions = append(a.Users.Regions, RegionUK)
			a.Transfers.Transfers[0].From = nil
			a.Transfers.Transfers[0].Safeguards = []Safeguard{SafeguardSCC, SafeguardUKAddendum}
		}, elGDPRTransfers, true, true},
		{"MissingDerogationText", func(a *Answers) { a.Transfers.Transfers[0].Safeguards = []Safeguard{SafeguardDerogation} }, elGDPRTransfers, false, true},
		{"OK_Derogation", func(a *Answers) {
			a.Transfers.Transfers[0].Safeguards = []Safeguard{SafeguardDerogation}
			a.Transfers.Transfers[0].Derogation = T("your explicit consent (Art. 49(1)(a))", "")
		}, elGDPRTransfers, true, true},
		// CCPA, Cal. Code Regs. tit. 11 §7011(e) and §1798.130.
		{"OK_StatutoryCategories", func(a *Answers) {}, elCCPAStatutory, true, true},
		{"MissingStatutoryCategory", func(a *Answers) { a.Categories[0].CCPACategory = "" }, elCCPAStatutory, false, true},
		{"NotListedStatutoryOutsideCalifornia", func(a *Answers) { a.Users.Regions = []Region{RegionEU} }, elCCPAStatutory, false, false},
		{"OK_Disclosed", func(a *Answers) {}, elCCPADisclosed, true, true},
		{"MissingDisclosedCategories", func(a *Answers) { a.Recipients[1].Categories = nil }, elCCPADisclosed, false, true},
		{"NotListedSaleDetailWhenNotSelling", func(a *Answers) {}, elCCPASaleDetail, false, false},
		{"MissingSaleDetail", func(a *Answers) { a.California.SellsOrShares = ptr(true) }, elCCPASaleDetail, false, true},
		{"OK_SaleDetail", func(a *Answers) {
			a.California.SellsOrShares = ptr(true)
			a.California.SaleRecipients, a.California.SalePurposes = T("advertising networks", ""), T("advertising", "")
		}, elCCPASaleDetail, true, true},
		{"OK_Verification", func(a *Answers) {}, elCCPAVerify, true, true},
		{"MissingVerification", func(a *Answers) { a.California.Verification = Text{} }, elCCPAVerify, false, true},
		{"OK_Agent", func(a *Answers) {}, elCCPAAgent, true, true},
		{"MissingAgent", func(a *Answers) { a.California.AgentHow = Text{} }, elCCPAAgent, false, true},
		{"OK_Signals", func(a *Answers) {}, elCCPASignals, true, true},
		{"MissingSignals", func(a *Answers) { a.California.OptOutSignals = Text{} }, elCCPASignals, false, true},
		{"OK_OnlineOnlyNoTollFree", func(a *Answers) {}, elCCPATollFree, true, true},
		{"MissingTollFree", func(a *Answers) { a.California.OnlineOnly = ptr(false) }, elCCPATollFree, false, true},
		{"OK_TollFree", func(a *Answers) { a.California.OnlineOnly = ptr(false); a.California.TollFree = "+1 800 555 0100" }, elCCPATollFree, true, true},
		{"MissingLastUpdated", func(a *Answers) { a.Changes.LastUpdated = "" }, elCCPAYearly, false, true},
		{"OK_LoginsMarked", func(a *Answers) {}, elCCPALogin, true, true},
		{"MissingLoginsAnswer", func(a *Answers) { a.California.CollectsLogins = nil }, elCCPALogin, false, true},
		{"MissingLoginCategory", func(a *Answers) { a.Categories[0].LoginCredentials = false }, elCCPALogin, false, true},
		// PIPL and the Network Data Security Management Regulations.
		{"NotListedNecessityWithoutSensitive", func(a *Answers) {}, elPIPLNecessity, false, false},
		{"MissingNecessity", sensitive, elPIPLNecessity, false, true},
		{"OK_Necessity", func(a *Answers) { sensitive(a); a.Categories[1].Necessity = T("needed to…", "为……所必需") }, elPIPLNecessity, true, true},
		{"NotListedHandlersWithProcessorsOnly", func(a *Answers) {}, elPIPLHandlers, false, false},
		{"MissingHandlerConsent", func(a *Answers) { a.Recipients = append(a.Recipients, handler(false)) }, elPIPLHandlers, false, true},
		{"OK_HandlerDisclosed", func(a *Answers) { a.Recipients = append(a.Recipients, handler(true)) }, elPIPLHandlers, true, true},
		{"OK_OfficerNotRequired", func(a *Answers) {}, elPIPLOfficer, true, true},
		{"MissingOfficerContact", func(a *Answers) { a.China.Officer.Required = ptr(true) }, elPIPLOfficer, false, true},
		{"NotListedOfficerOutsideChina", func(a *Answers) { a.Users.Regions = []Region{RegionEU} }, elPIPLOfficer, false, false},
		{"NotListedChildRulesAt16", func(a *Answers) {}, elPIPLChildren, false, false},
		{"MissingChildRules", func(a *Answers) { a.Children.MinimumAge, a.Children.ParentalConsent = 12, ptr(true) }, elPIPLChildren, false, true},
		{"OK_ChildRules", func(a *Answers) {
			a.Children.MinimumAge, a.Children.ParentalConsent = 12, ptr(true)
			a.Children.SpecialRules = T("https://lumennotes.example/children", "")
		}, elPIPLChildren, true, true},
		{"NotListedRefusalWithoutAutomation", func(a *Answers) {}, elPIPLAutomated, false, false},
		{"MissingRefusal", func(a *Answers) {
			a.AutomatedDecisions = AutomatedDecisions{Used: ptr(true), Logic: T("a score", ""), Significance: T("a refusal", "")}
		}, elPIPLAutomated, false, true},
		{"OK_Refusal", func(a *Answers) {
			a.AutomatedDecisions = AutomatedDecisions{Used: ptr(true), Logic: T("a score", ""), Significance: T("a refusal", ""), RefuseHow: T("write to us", "")}
		}, elPIPLAutomated, true, true},
		{"OK_AccountDeletion", func(a *Answers) {}, elPIPLAccount, true, true},
		{"MissingAccountDeletion", func(a *Answers) { a.China.AccountDeletion = Text{} }, elPIPLAccount, false, true},
		{"OK_NoSDKs", func(a *Answers) {}, elPIPLSDKs, true, true},
		{"MissingSDKList", func(a *Answers) { a.China.SDKs.Used = ptr(true) }, elPIPLSDKs, false, true},
		{"OK_SDKListed", func(a *Answers) {
			a.China.SDKs = SDKs{Used: ptr(true), List: []SDK{{Name: "Crashly", Purpose: T("crash reports", "崩溃报告")}}}
		}, elPIPLSDKs, true, true},
		{"OK_RetentionEnd", func(a *Answers) {}, elPIPLRetEnd, true, true},
		{"MissingRetentionEnd", func(a *Answers) { a.China.RetentionEnd = Text{} }, elPIPLRetEnd, false, true},
		// AI: screening and the provider's regions.
		{"OK_ScreeningWarns", func(a *Answers) {}, elScreening, true, true},
		{"MissingScreeningAction", func(a *Answers) { a.AI.PIIScreeningAction = "" }, elScreening, false, true},
		{"MissingBlockContradictsSending", func(a *Answers) { a.AI.PIIScreeningAction = ScreenBlock }, elScreening, false, true},
		{"NotListedScreeningUnused", func(a *Answers) { a.AI.PIIScreening = ptr(false) }, elScreening, false, false},
		{"OK_ProviderServesRegions", func(a *Answers) {}, elProviderArea, true, true},
		{"MissingProviderServesChina", func(a *Answers) { a.Recipients[0].PromptsFrom = nil }, elProviderArea, false, true},
		{"MissingProviderNamedChina", func(a *Answers) { a.Recipients[0].PromptsFrom = []Region{RegionEU, RegionChina} }, elProviderArea, false, true},
		{"NotListedUnknownProvider", func(a *Answers) { a.Recipients[0].Name = "Local Model Co." }, elProviderArea, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := clone(t, all)
			tt.change(&a)
			e, listed := Check(a).checked()[tt.id]
			if listed != tt.listed || listed && e.Present != tt.present {
				t.Fatalf("%s: listed %v present %v; want listed %v present %v", tt.id, listed, e.Present, tt.listed, tt.present)
			}
		})
	}
}

func handler(consent bool) Recipient {
	return Recipient{Name: "Adwise", Role: RoleController, Contact: "privacy@adwise.example", Purpose: T("advertising", "广告"),
		Method: T("matching", "匹配"), Categories: []string{"usage"}, SeparateConsent: ptr(consent)}
}

func without(rs []Right, r Right) []Right {
	var out []Right
	for _, o := range rs {
		if o != r {
			out = append(out, o)
		}
	}
	return out
}

// TestUnsupportedRegionFlagged: prompts of mainland-China users sent to
// OpenAI are flagged in the check and marked in the draft, with the source.
func TestUnsupportedRegionFlagged(t *testing.T) {
	a := clone(t, loadSet(t, "all"))
	a.Recipients[0].PromptsFrom = nil
	res := Check(a)
	if res.checked()[elProviderArea].Present || res.Missing == 0 {
		t.Fatalf("OpenAI receiving prompts from mainland China passes the check: %+v", res.checked()[elProviderArea])
	}
	for _, lang := range []string{LangEn, LangZh} {
		var md bytes.Buffer
		if err := RenderDraft(&md, a, lang, "md"); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"OpenAI", "https://platform.openai.com/docs/supported-countries"} {
			if !strings.Contains(md.String(), want) {
				t.Errorf("%s draft does not flag the route: lacks %q", lang, want)
			}
		}
	}
}

// TestProviderRegionsData: the coverage list is dated, sourced and names
// mainland China for OpenAI.
func TestProviderRegionsData(t *testing.T) {
	pr, err := LoadProviderRegions()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := pr.provider("OpenAI, L.L.C.")
	if !ok {
		t.Fatal("no coverage for OpenAI")
	}
	if _, err := time.Parse(time.DateOnly, p.Checked); err != nil || !strings.HasPrefix(p.Source.URL, "https://") {
		t.Fatalf("checked %q, url %q: want a date and an https source", p.Checked, p.Source.URL)
	}
	if !p.Verified && (p.Note.En == "" || p.Note.Zh == "") {
		t.Fatal("an unverified list must say so in both languages")
	}
	found := false
	for _, pl := range p.Unsupported {
		found = found || pl.Region == RegionChina
	}
	if !found {
		t.Fatal("mainland China is not listed as unsupported")
	}
}

// TestDraftStatesOnlyWhatWasAnswered: the screening sentence follows the
// action answered, and the CCPA section speaks of sensitive data only when a
// category is sensitive.
func TestDraftStatesOnlyWhatWasAnswered(t *testing.T) {
	base := clone(t, loadSet(t, "all"))
	render := func(a Answers, lang string) string {
		var md bytes.Buffer
		if err := RenderDraft(&md, a, lang, "md"); err != nil {
			t.Fatal(err)
		}
		return md.String()
	}
	block := clone(t, base)
	block.AI.PIIScreeningAction = ScreenBlock
	if got := render(block, LangEn); strings.Contains(got, "do not send it when we find some") {
		t.Error("the draft promises to block personal data it says is sent")
	}
	block.AI.PromptsContainPersonalData = ptr(false)
	if got := render(block, LangEn); !strings.Contains(got, "do not send it when we find some") {
		t.Error("an answered block is not stated")
	}
	plain := clone(t, base)
	for i := range plain.Categories {
		plain.Categories[i].Sensitive, plain.Categories[i].LoginCredentials = false, false
	}
	plain.California.CollectsLogins = ptr(false)
	for lang, term := range map[string]string{LangEn: "ensitive personal information", LangZh: "敏感个人信息"} {
		got := render(plain, lang)
		ccpa := got[strings.Index(got, map[string]string{LangEn: "If you live in California", LangZh: "加利福尼亚州居民"}[lang]):]
		if strings.Contains(ccpa[:strings.Index(ccpa, "\n## ")], term) {
			t.Errorf("%s: CCPA section mentions sensitive personal information with none collected", lang)
		}
	}
}

// TestChineseDraftSpacing: Latin text and Chinese characters are separated
// by a space throughout the Chinese drafts.
func TestChineseDraftSpacing(t *testing.T) {
	for _, name := range answerSets {
		var md bytes.Buffer
		if err := RenderDraft(&md, loadSet(t, name), LangZh, "md"); err != nil {
			t.Fatal(err)
		}
		prev := ' '
		for _, r := range md.String() {
			if isHan(prev) && isLatin(r) || isLatin(prev) && isHan(r) {
				t.Errorf("%s: %q directly next to %q", name, prev, r)
				break
			}
			prev = r
		}
	}
}
