package privacy

import (
	"encoding/json"
	"slices"
	"sort"
	"testing"
)

func TestCheck_ExampleHasNothingMissing(t *testing.T) {
	res := Check(loadSet(t, "all"))
	if res.Missing != 0 {
		t.Fatalf("missing = %d; want 0 on the shipped example: %v", res.Missing, res.missing())
	}
	if got := regimeNames(res); !slices.Equal(got, []string{"general", "gdpr", "ccpa", "pipl"}) {
		t.Fatalf("regimes = %v", got)
	}
}

func TestCheckGolden(t *testing.T) {
	for _, name := range append(slices.Clone(answerSets), "empty") {
		t.Run(name, func(t *testing.T) {
			body, err := json.MarshalIndent(Check(loadSet(t, name)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "check-"+name+".json", append(body, '\n'))
		})
	}
}

func TestCheckJSONShape(t *testing.T) {
	body, _ := json.Marshal(Check(loadSet(t, "eu")))
	var top map[string]json.RawMessage
	json.Unmarshal(body, &top)
	if got := keys(top); !slices.Equal(got, []string{"missing", "regimes"}) {
		t.Fatalf("top-level keys = %v", got)
	}
	var regimes []map[string]json.RawMessage
	json.Unmarshal(top["regimes"], &regimes)
	if got := keys(regimes[0]); !slices.Equal(got, []string{"elements", "name"}) {
		t.Fatalf("regime keys = %v", got)
	}
	var elements []map[string]json.RawMessage
	json.Unmarshal(regimes[0]["elements"], &elements)
	if got := keys(elements[0]); !slices.Equal(got, []string{"id", "present", "question", "title"}) {
		t.Fatalf("element keys = %v", got)
	}
	if string(Must(json.Marshal(Check(Answers{}).Regimes[0].Elements[0].Title))) != `{"en":"Who you are and how to contact you","zh-CN":"组织名称及联系方式"}` {
		t.Fatal("title is not {en, zh-CN}")
	}
}

func TestCheckRegimesFollowRegions(t *testing.T) {
	tests := []struct {
		name    string
		regions []Region
		want    []string
	}{
		{"OK_NoRegions", nil, []string{"general"}},
		{"OK_EU", []Region{RegionEU}, []string{"general", "gdpr"}},
		{"OK_UKAlsoGDPR", []Region{RegionUK}, []string{"general", "gdpr"}},
		{"OK_California", []Region{RegionCalifornia}, []string{"general", "ccpa"}},
		{"OK_China", []Region{RegionChina}, []string{"general", "pipl"}},
		{"OK_ElsewhereOnly", []Region{RegionElsewhere}, []string{"general"}},
		{"OK_All", Regions, []string{"general", "gdpr", "ccpa", "pipl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := regimeNames(Check(Answers{Users: Users{Regions: tt.regions}}))
			if !slices.Equal(got, tt.want) {
				t.Fatalf("regimes = %v; want %v", got, tt.want)
			}
		})
	}
}

func TestCheckElements(t *testing.T) {
	all := loadSet(t, "all")
	tests := []struct {
		name    string
		change  func(a *Answers)
		id      string
		present bool
		listed  bool
	}{
		{"MissingEURepresentativeOutsideEU", func(a *Answers) { a.Organisation.EstablishedIn = []Region{RegionElsewhere} }, elGDPRIdentity, false, true},
		{"OK_EURepresentativeNamed", func(a *Answers) {
			a.Organisation.EstablishedIn = []Region{RegionElsewhere}
			a.EURepresentative = Contact{Name: "Rep BV", Email: "rep@example.com"}
		}, elGDPRIdentity, true, true},
		{"MissingLegitimateInterest", func(a *Answers) { a.Purposes[3].LegitimateInterest = Text{} }, elGDPRInterests, false, true},
		{"MissingWithdrawalWhenConsentUsed", func(a *Answers) {
			a.Purposes[0].LegalBasis = BasisConsent
			a.Rights.Offered = slices.DeleteFunc(slices.Clone(a.Rights.Offered), func(r Right) bool { return r == RightWithdrawConsent })
		}, elGDPRWithdraw, false, true},
		{"OK_NoConsentNoWithdrawalNeeded", func(a *Answers) {
			a.Rights.Offered = slices.DeleteFunc(slices.Clone(a.Rights.Offered), func(r Right) bool { return r == RightWithdrawConsent })
		}, elGDPRWithdraw, true, true},
		{"MissingDPOAnswer", func(a *Answers) { a.DPO = DPO{} }, elGDPRDPO, false, true},
		{"OK_NoDPOAppointed", func(a *Answers) { a.DPO = DPO{Appointed: ptr(false)} }, elGDPRDPO, true, true},
		{"MissingTransferSafeguard", func(a *Answers) { a.Transfers.Transfers[0].Safeguards = []Safeguard{SafeguardPIPLContract} }, elGDPRTransfers, false, true},
		{"MissingForeignRecipientContact", func(a *Answers) { a.Transfers.Transfers[1].Contact = "" }, elPIPLTransfers, false, true},
		{"NotListedCrossBorderWhenNothingLeaves", func(a *Answers) { a.Transfers = Transfers{Abroad: ptr(false)} }, elPIPLTransfers, false, false},
		{"NotListedChinaRepresentativeWhenEstablishedThere", func(a *Answers) { a.Organisation.EstablishedIn = []Region{RegionEU, RegionChina} }, elPIPLRep, false, false},
		{"MissingOptOutLinkWhenSelling", func(a *Answers) { a.California.SellsOrShares = ptr(true) }, elCCPASold, false, true},
		{"MissingLimitLinkWhenSensitiveUsed", func(a *Answers) { a.California.SensitiveBeyondService = ptr(true) }, elCCPARights, false, true},
		{"MissingParentalConsentAnswerUnder16", func(a *Answers) { a.Children.MinimumAge = 13 }, elChildren, false, true},
		{"MissingAutomatedLogic", func(a *Answers) { a.AutomatedDecisions.Used = ptr(true) }, elGDPRAutomated, false, true},
		{"MissingPromptLogDays", func(a *Answers) { a.AI.PromptLogging = ptr(true) }, elLogging, false, true},
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

func TestEveryElementQuestionIsAQuestion(t *testing.T) {
	known := map[string]bool{}
	for _, q := range Questions() {
		known[q.Key] = true
		if q.Text.En == "" || q.Text.Zh == "" {
			t.Errorf("question %s lacks a language", q.Key)
		}
	}
	seen := map[string]bool{}
	for _, r := range regimes() {
		if r.Title.En == "" || r.Title.Zh == "" {
			t.Errorf("regime %s lacks a title", r.Name)
		}
		for _, e := range r.elements {
			if !known[e.question] {
				t.Errorf("%s: question %q is not in Questions()", e.id, e.question)
			}
			if seen[e.id] || e.title.En == "" || e.title.Zh == "" {
				t.Errorf("%s: repeated or untitled", e.id)
			}
			seen[e.id] = true
		}
	}
}

func regimeNames(c CheckResult) []string {
	var out []string
	for _, r := range c.Regimes {
		out = append(out, r.Name)
	}
	return out
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// clone deep-copies answers through JSON, so a test can change them freely.
func clone(t *testing.T, a Answers) Answers {
	t.Helper()
	var out Answers
	if err := json.Unmarshal(Must(json.Marshal(a)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
