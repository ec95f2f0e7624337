// Package privacy drafts a privacy notice from a questionnaire: the answers
// (loaded from YAML or JSON, or saved as the GUI goes), suggestions from
// what the app already knows, a template draft in English and Simplified
// Chinese with sections for the GDPR, the CCPA and the PIPL where they apply,
// a completeness check per regime, saved versions with a line diff, and an
// optional, explicit polishing step through a chat model.
//
// The draft never invents facts: an unanswered question shows as a visible
// [TODO: …] / [待补充：…] marker, and the draft says it is not legal advice.
package privacy

// Answers is the privacy questionnaire. Every field may be left empty while
// the user works; Check says what is still missing and Draft marks it.
type Answers struct {
	Organisation        Organisation       `json:"organisation" yaml:"organisation"`
	DPO                 DPO                `json:"data_protection_officer" yaml:"data_protection_officer"`
	EURepresentative    Contact            `json:"eu_representative" yaml:"eu_representative"`       // GDPR Art. 27
	UKRepresentative    Contact            `json:"uk_representative" yaml:"uk_representative"`       // UK GDPR Art. 27
	ChinaRepresentative Contact            `json:"china_representative" yaml:"china_representative"` // PIPL Art. 53
	Products            []Text             `json:"products" yaml:"products"`                         // the products and services the notice covers
	Users               Users              `json:"users" yaml:"users"`
	Categories          []DataCategory     `json:"data_categories" yaml:"data_categories"`
	Purposes            []Purpose          `json:"purposes" yaml:"purposes"`
	Provision           Text               `json:"provision_requirement" yaml:"provision_requirement"` // must users give the data, and what if they don't (GDPR Art. 13(2)(e))
	AI                  AIUse              `json:"ai" yaml:"ai"`
	Recipients          []Recipient        `json:"recipients" yaml:"recipients"`
	Transfers           Transfers          `json:"international_transfers" yaml:"international_transfers"`
	Rights              RightsAnswers      `json:"rights" yaml:"rights"`
	AutomatedDecisions  AutomatedDecisions `json:"automated_decisions" yaml:"automated_decisions"`
	Children            Children           `json:"children" yaml:"children"`
	Cookies             Cookies            `json:"cookies" yaml:"cookies"`
	Security            []Text             `json:"security_measures" yaml:"security_measures"`
	California          California         `json:"california" yaml:"california"`
	China               China              `json:"china" yaml:"china"`
	Changes             PolicyChanges      `json:"policy_changes" yaml:"policy_changes"`
}

// Organisation is who is responsible for the data: the GDPR's controller,
// the PIPL's personal information handler, the CCPA's business.
type Organisation struct {
	Name          string   `json:"name" yaml:"name"`
	Address       string   `json:"address" yaml:"address"`
	Email         string   `json:"email" yaml:"email"`
	Phone         string   `json:"phone" yaml:"phone"`
	Website       string   `json:"website" yaml:"website"`
	EstablishedIn []Region `json:"established_in" yaml:"established_in"` // where it has an establishment; decides which representatives are needed
}

// Contact is a named person or organisation and how to reach them.
type Contact struct {
	Name    string `json:"name" yaml:"name"`
	Address string `json:"address" yaml:"address"`
	Email   string `json:"email" yaml:"email"`
}

// DPO is the data protection officer, if one is appointed.
type DPO struct {
	Appointed *bool  `json:"appointed" yaml:"appointed"` // nil until answered
	Name      string `json:"name" yaml:"name"`
	Email     string `json:"email" yaml:"email"`
}

// Users says where the people whose data is processed are.
type Users struct {
	Regions []Region `json:"regions" yaml:"regions"`
}

// DataCategory is one kind of personal data, where it comes from and how
// long it is kept.
type DataCategory struct {
	ID        string `json:"id" yaml:"id"` // a short key purposes and transfers refer to, e.g. "account"
	Name      Text   `json:"name" yaml:"name"`
	Examples  Text   `json:"examples" yaml:"examples"`
	Source    Text   `json:"source" yaml:"source"`
	Retention Text   `json:"retention" yaml:"retention"`
	Sensitive bool   `json:"sensitive" yaml:"sensitive"` // special-category / sensitive personal information
	Sold      bool   `json:"sold" yaml:"sold"`           // sold, in the CCPA's sense
	Shared    bool   `json:"shared" yaml:"shared"`       // shared for cross-context behavioural advertising (CCPA)
	// LoginCredentials marks an account log-in with a password or other
	// credential: sensitive personal information under the CCPA (§1798.140(ae)(1)(D)).
	LoginCredentials bool          `json:"login_credentials" yaml:"login_credentials"`
	CCPACategory     CCPACategory  `json:"ccpa_category" yaml:"ccpa_category"`                           // the statutory category (§1798.140(v)(1))
	Art9Condition    Art9Condition `json:"special_category_condition" yaml:"special_category_condition"` // GDPR Art. 9(2), for sensitive data
	Necessity        Text          `json:"sensitive_necessity" yaml:"sensitive_necessity"`               // PIPL Art. 30: why it is necessary and its effect on the person
}

// Purpose is one reason the data is used, with its legal basis.
type Purpose struct {
	Purpose            Text       `json:"purpose" yaml:"purpose"`
	Categories         []string   `json:"categories" yaml:"categories"` // DataCategory IDs
	LegalBasis         LegalBasis `json:"legal_basis" yaml:"legal_basis"`
	LegitimateInterest Text       `json:"legitimate_interest" yaml:"legitimate_interest"` // when the basis is legitimate_interests
	Method             Text       `json:"method" yaml:"method"`                           // how the data is processed (PIPL 处理方式)
}

// AIUse describes the AI features and what reaches the model provider.
type AIUse struct {
	Features                   Text     `json:"features" yaml:"features"`                                           // what the AI features do
	PromptsContainPersonalData *bool    `json:"prompts_contain_personal_data" yaml:"prompts_contain_personal_data"` // can prompts carry personal data to the provider
	Models                     []string `json:"models" yaml:"models"`
	Disclosure                 Text     `json:"disclosure" yaml:"disclosure"`                           // the statement telling users they deal with AI
	ProviderTrainsOnData       *bool    `json:"provider_trains_on_data" yaml:"provider_trains_on_data"` // does the provider train its models on what we send
	ProviderRetention          Text     `json:"provider_retention" yaml:"provider_retention"`           // how long the provider keeps what we send
	PromptLogging              *bool    `json:"prompt_logging" yaml:"prompt_logging"`                   // do we keep the text of prompts
	PromptLogDays              int      `json:"prompt_log_days" yaml:"prompt_log_days"`
	PIIScreening               *bool    `json:"pii_screening" yaml:"pii_screening"` // are prompts screened for personal data before they leave
	// PIIScreeningAction is what the screening does when it finds personal
	// data: block, redact or warn; empty says only that prompts are checked.
	PIIScreeningAction ScreeningAction `json:"pii_screening_action" yaml:"pii_screening_action"`
}

// Recipient is someone the data is disclosed to.
type Recipient struct {
	Name            string        `json:"name" yaml:"name"`
	Role            RecipientRole `json:"role" yaml:"role"`
	Purpose         Text          `json:"purpose" yaml:"purpose"`
	Location        Text          `json:"location" yaml:"location"`
	Contact         string        `json:"contact" yaml:"contact"`
	ReceivesPrompts bool          `json:"receives_prompts" yaml:"receives_prompts"` // the AI model provider
	PromptsFrom     []Region      `json:"prompts_from" yaml:"prompts_from"`         // whose prompts it receives; empty means every region
	Categories      []string      `json:"categories" yaml:"categories"`             // DataCategory IDs disclosed to it
	Method          Text          `json:"method" yaml:"method"`                     // how it processes them (PIPL Art. 23)
	SeparateConsent *bool         `json:"separate_consent" yaml:"separate_consent"` // an independent handler gets data only with separate consent (PIPL Art. 23)
}

// Transfers are the international transfers of personal data.
type Transfers struct {
	Abroad    *bool      `json:"abroad" yaml:"abroad"` // nil until answered
	Transfers []Transfer `json:"transfers" yaml:"transfers"`
	CopyHow   Text       `json:"copy_how" yaml:"copy_how"` // how users get a copy of the safeguards
}

// Transfer is one flow of personal data to a recipient in another country.
// It carries what PIPL Art. 39 asks to be told about a foreign recipient.
type Transfer struct {
	Recipient  string      `json:"recipient" yaml:"recipient"`
	Country    Text        `json:"country" yaml:"country"`
	From       []Region    `json:"from" yaml:"from"` // whose data; empty means every region
	Contact    string      `json:"contact" yaml:"contact"`
	Purpose    Text        `json:"purpose" yaml:"purpose"`
	Method     Text        `json:"method" yaml:"method"`
	Categories []string    `json:"categories" yaml:"categories"` // DataCategory IDs
	Safeguards []Safeguard `json:"safeguards" yaml:"safeguards"`
	RightsHow  Text        `json:"rights_how" yaml:"rights_how"` // how users exercise their rights against the recipient
	// Adequacy says whether an adequacy decision covers the recipient's
	// country (GDPR Art. 13(1)(f)); nil until answered, implied by adequacy or dpf.
	Adequacy   *bool `json:"adequacy_decision" yaml:"adequacy_decision"`
	Derogation Text  `json:"derogation" yaml:"derogation"` // the Art. 49 derogation relied on, when the safeguard is derogation
}

// RightsAnswers says which rights users have and how they use them.
type RightsAnswers struct {
	Offered      []Right `json:"offered" yaml:"offered"`
	How          Text    `json:"how" yaml:"how"`
	Contact      string  `json:"contact" yaml:"contact"` // an email address or web address
	ResponseDays int     `json:"response_days" yaml:"response_days"`
	Authority    Text    `json:"authority" yaml:"authority"` // the supervisory authority users may complain to
}

// AutomatedDecisions covers decisions made solely by automated means that
// have legal or similarly significant effects (GDPR Art. 22).
type AutomatedDecisions struct {
	Used         *bool `json:"used" yaml:"used"`
	Logic        Text  `json:"logic" yaml:"logic"`
	Significance Text  `json:"significance" yaml:"significance"`
	RefuseHow    Text  `json:"refuse_how" yaml:"refuse_how"` // how users ask for an explanation or refuse the decision (PIPL Art. 24)
}

// Children covers the minimum age and parental consent.
type Children struct {
	MinimumAge      int   `json:"minimum_age" yaml:"minimum_age"`
	ParentalConsent *bool `json:"parental_consent" yaml:"parental_consent"` // asked when the minimum age is under 16
	Details         Text  `json:"details" yaml:"details"`
	SpecialRules    Text  `json:"special_rules" yaml:"special_rules"` // the rules for children under 14 (PIPL Art. 31), or where they are published
}

// Cookies covers cookies, similar technologies and analytics.
type Cookies struct {
	Used      *bool  `json:"used" yaml:"used"`
	Analytics []Text `json:"analytics" yaml:"analytics"`
	Details   Text   `json:"details" yaml:"details"`
}

// California holds the CCPA-specific answers.
type California struct {
	SellsOrShares          *bool  `json:"sells_or_shares" yaml:"sells_or_shares"`
	OptOutLink             string `json:"opt_out_link" yaml:"opt_out_link"`                             // the "Do Not Sell or Share" page
	SensitiveBeyondService *bool  `json:"sensitive_beyond_service" yaml:"sensitive_beyond_service"`     // sensitive data used beyond what the service needs
	LimitLink              string `json:"limit_link" yaml:"limit_link"`                                 // the "Limit the Use of My Sensitive Personal Information" page
	SaleRecipients         Text   `json:"sale_recipients" yaml:"sale_recipients"`                       // categories of third parties sold or shared to
	SalePurposes           Text   `json:"sale_purposes" yaml:"sale_purposes"`                           // why it is sold or shared
	Verification           Text   `json:"verification" yaml:"verification"`                             // how requests are verified
	AgentHow               Text   `json:"authorised_agent" yaml:"authorised_agent"`                     // how an authorised agent makes a request
	OptOutSignals          Text   `json:"opt_out_signals" yaml:"opt_out_signals"`                       // how opt-out preference signals (e.g. GPC) are handled
	OnlineOnly             *bool  `json:"online_only" yaml:"online_only"`                               // operates only online with a direct relationship (§1798.130(a)(1)(A))
	TollFree               string `json:"toll_free_number" yaml:"toll_free_number"`                     // needed unless online only
	CollectsLogins         *bool  `json:"collects_login_credentials" yaml:"collects_login_credentials"` // account log-ins with a password: sensitive (§1798.140(ae)(1)(D))
}

// China holds the PIPL answers beyond the general ones, and what the Network
// Data Security Management Regulations (2025-01-01) add to a notice.
type China struct {
	Officer         PIPLOfficer `json:"protection_officer" yaml:"protection_officer"` // 个人信息保护负责人 (PIPL Art. 52)
	SDKs            SDKs        `json:"third_party_sdks" yaml:"third_party_sdks"`
	RetentionEnd    Text        `json:"retention_end" yaml:"retention_end"`       // what happens to data when its retention period ends
	AccountDeletion Text        `json:"account_deletion" yaml:"account_deletion"` // how users close their account
}

// PIPLOfficer is the person responsible for personal information protection.
type PIPLOfficer struct {
	Required *bool  `json:"required" yaml:"required"` // processing reaches the volume the CAC sets; nil until answered
	Name     string `json:"name" yaml:"name"`
	Email    string `json:"email" yaml:"email"`
}

// SDKs lists the third-party code embedded in the product that collects
// personal data.
type SDKs struct {
	Used *bool `json:"used" yaml:"used"`
	List []SDK `json:"list" yaml:"list"`
}

// SDK is one embedded third-party SDK or plug-in.
type SDK struct {
	Name       string   `json:"name" yaml:"name"`
	Provider   string   `json:"provider" yaml:"provider"`
	Purpose    Text     `json:"purpose" yaml:"purpose"`
	Categories []string `json:"categories" yaml:"categories"` // DataCategory IDs it collects
}

// PolicyChanges says how changes are announced and when the notice applies.
type PolicyChanges struct {
	HowNotified   Text   `json:"how_notified" yaml:"how_notified"`
	EffectiveDate string `json:"effective_date" yaml:"effective_date"` // YYYY-MM-DD
	LastUpdated   string `json:"last_updated" yaml:"last_updated"`     // YYYY-MM-DD
}

// selected reports whether users are in region r.
func (a Answers) selected(r Region) bool { return hasRegion(a.Users.Regions, r) }

// gdpr reports whether the GDPR or the UK GDPR applies.
func (a Answers) gdpr() bool { return a.selected(RegionEU) || a.selected(RegionUK) }

// category returns the category with the given ID.
func (a Answers) category(id string) (DataCategory, bool) {
	for _, c := range a.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return DataCategory{}, false
}

// offers reports whether users are told they have right r.
func (a Answers) offers(r Right) bool {
	for _, o := range a.Rights.Offered {
		if o == r {
			return true
		}
	}
	return false
}

// usesBasis reports whether any purpose rests on basis b.
func (a Answers) usesBasis(b LegalBasis) bool {
	for _, p := range a.Purposes {
		if p.LegalBasis == b {
			return true
		}
	}
	return false
}

// transfersFrom returns the transfers that carry data of users in region r.
func (a Answers) transfersFrom(rs ...Region) []Transfer {
	var out []Transfer
	for _, t := range a.Transfers.Transfers {
		if len(t.From) == 0 {
			out = append(out, t)
			continue
		}
		for _, r := range rs {
			if hasRegion(t.From, r) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// needsRepresentative reports whether users in r are served from outside r.
func (a Answers) needsRepresentative(r Region) bool {
	return a.selected(r) && len(a.Organisation.EstablishedIn) > 0 && !hasRegion(a.Organisation.EstablishedIn, r)
}

// complete reports whether c names someone and how to reach them.
func (c Contact) complete() bool { return has(c.Name) && (has(c.Email) || has(c.Address)) }
