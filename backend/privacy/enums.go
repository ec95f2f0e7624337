package privacy

import "slices"

// Region is where users are, as far as privacy law is concerned.
type Region string

// The regions a notice can be written for.
const (
	RegionEU         Region = "eu"         // the EU and EEA (GDPR)
	RegionUK         Region = "uk"         // the United Kingdom (UK GDPR)
	RegionCalifornia Region = "california" // California (CCPA as amended by the CPRA)
	RegionChina      Region = "china"      // mainland China (PIPL)
	RegionElsewhere  Region = "elsewhere"  // anywhere else
)

// Regions lists every region in the order the questionnaire offers them.
var Regions = []Region{RegionEU, RegionUK, RegionCalifornia, RegionChina, RegionElsewhere}

// LegalBasis is one of the six lawful bases of GDPR Art. 6(1).
type LegalBasis string

// The GDPR Art. 6(1) bases, points (a) to (f).
const (
	BasisConsent             LegalBasis = "consent"              // (a)
	BasisContract            LegalBasis = "contract"             // (b)
	BasisLegalObligation     LegalBasis = "legal_obligation"     // (c)
	BasisVitalInterests      LegalBasis = "vital_interests"      // (d)
	BasisPublicTask          LegalBasis = "public_task"          // (e)
	BasisLegitimateInterests LegalBasis = "legitimate_interests" // (f)
)

// LegalBases lists the bases in the order of Art. 6(1).
var LegalBases = []LegalBasis{BasisConsent, BasisContract, BasisLegalObligation, BasisVitalInterests, BasisPublicTask, BasisLegitimateInterests}

// Right is a right users have over their personal data.
type Right string

// The rights a notice can list.
const (
	RightAccess          Right = "access"
	RightCorrection      Right = "correction"
	RightDeletion        Right = "deletion"
	RightRestriction     Right = "restriction"
	RightPortability     Right = "portability"
	RightObjection       Right = "objection"
	RightWithdrawConsent Right = "withdraw_consent"
	RightComplaint       Right = "complaint"
)

// Rights lists every right in the order a notice presents them.
var Rights = []Right{RightAccess, RightCorrection, RightDeletion, RightRestriction, RightPortability, RightObjection, RightWithdrawConsent, RightComplaint}

// Safeguard is the legal mechanism that covers an international transfer.
type Safeguard string

// Transfer mechanisms under the GDPR and the PIPL.
const (
	SafeguardAdequacy          Safeguard = "adequacy"                 // GDPR Art. 45 adequacy decision
	SafeguardSCC               Safeguard = "scc"                      // standard contractual clauses
	SafeguardDPF               Safeguard = "dpf"                      // EU-U.S. Data Privacy Framework
	SafeguardBCR               Safeguard = "bcr"                      // binding corporate rules
	SafeguardPIPLContract      Safeguard = "pipl_standard_contract"   // PIPL Art. 38(1)(3)
	SafeguardPIPLAssessment    Safeguard = "pipl_security_assessment" // PIPL Art. 38(1)(1)
	SafeguardPIPLCertification Safeguard = "pipl_certification"       // PIPL Art. 38(1)(2)
	SafeguardUKIDTA            Safeguard = "uk_idta"                  // UK International Data Transfer Agreement
	SafeguardUKAddendum        Safeguard = "uk_addendum"              // UK Addendum to the EU standard contractual clauses
	SafeguardUKExtension       Safeguard = "uk_extension"             // UK Extension to the EU-U.S. Data Privacy Framework
	SafeguardDerogation        Safeguard = "derogation"               // GDPR / UK GDPR Art. 49 derogation
)

// Safeguards lists every transfer mechanism.
var Safeguards = []Safeguard{SafeguardAdequacy, SafeguardSCC, SafeguardDPF, SafeguardBCR, SafeguardUKIDTA, SafeguardUKAddendum,
	SafeguardUKExtension, SafeguardDerogation, SafeguardPIPLContract, SafeguardPIPLAssessment, SafeguardPIPLCertification}

// RecipientRole says on whose behalf a recipient uses the data.
type RecipientRole string

// Recipient roles.
const (
	RoleProcessor  RecipientRole = "processor"  // processes on our instructions
	RoleController RecipientRole = "controller" // decides for itself how it uses the data
)

// RecipientRoles lists every recipient role.
var RecipientRoles = []RecipientRole{RoleProcessor, RoleController}

// regionLabels, basisLabels, ... name each value as a notice writes it.
var (
	regionLabels = map[Region]Text{
		RegionEU:         T("the European Union and European Economic Area", "欧盟及欧洲经济区"),
		RegionUK:         T("the United Kingdom", "英国"),
		RegionCalifornia: T("California", "美国加利福尼亚州"),
		RegionChina:      T("mainland China", "中国大陆"),
		RegionElsewhere:  T("other countries and regions", "其他国家和地区"),
	}
	basisLabels = map[LegalBasis]Text{
		BasisConsent:             T("your consent (Art. 6(1)(a) GDPR)", "您的同意（GDPR第6条第1款a项）"),
		BasisContract:            T("performing our contract with you (Art. 6(1)(b) GDPR)", "履行与您订立的合同所必需（GDPR第6条第1款b项）"),
		BasisLegalObligation:     T("complying with a legal obligation (Art. 6(1)(c) GDPR)", "履行我们的法定义务所必需（GDPR第6条第1款c项）"),
		BasisVitalInterests:      T("protecting someone's vital interests (Art. 6(1)(d) GDPR)", "保护自然人的重大利益所必需（GDPR第6条第1款d项）"),
		BasisPublicTask:          T("a task in the public interest (Art. 6(1)(e) GDPR)", "执行公共利益任务所必需（GDPR第6条第1款e项）"),
		BasisLegitimateInterests: T("our legitimate interests (Art. 6(1)(f) GDPR)", "我们的正当利益（GDPR第6条第1款f项）"),
	}
	rightLabels = map[Right]Text{
		RightAccess:          T("ask for a copy of your personal data and information about how we use it", "查阅、复制您的个人信息，并了解我们如何处理这些信息"),
		RightCorrection:      T("have inaccurate or incomplete data corrected", "更正、补充不准确或不完整的个人信息"),
		RightDeletion:        T("have your data deleted", "删除您的个人信息"),
		RightRestriction:     T("ask us to restrict how we use your data", "要求我们限制对您个人信息的处理"),
		RightPortability:     T("receive your data in a portable format or have it sent to another service", "以可携带的格式获取您的个人信息，或要求转移至其他服务"),
		RightObjection:       T("object to our use of your data", "拒绝我们对您个人信息的处理"),
		RightWithdrawConsent: T("withdraw your consent at any time, without affecting what we did before", "随时撤回同意，撤回不影响此前基于同意已进行的处理"),
		RightComplaint:       T("complain to a data protection authority", "向个人信息保护监管机构投诉、举报"),
	}
	safeguardLabels = map[Safeguard]Text{
		SafeguardAdequacy:          T("an adequacy decision (EU) or adequacy regulations (UK)", "充分性认定（欧盟）或充分性条例（英国）"),
		SafeguardSCC:               T("standard contractual clauses approved by the European Commission", "欧盟委员会批准的标准合同条款"),
		SafeguardDPF:               T("the EU-U.S. Data Privacy Framework", "欧美数据隐私框架（DPF）"),
		SafeguardBCR:               T("binding corporate rules", "有约束力的公司规则"),
		SafeguardUKIDTA:            T("the UK International Data Transfer Agreement", "英国国际数据传输协议（IDTA）"),
		SafeguardUKAddendum:        T("the UK Addendum to the EU standard contractual clauses", "欧盟标准合同条款的英国附录（UK Addendum）"),
		SafeguardUKExtension:       T("the UK Extension to the EU-U.S. Data Privacy Framework", "欧美数据隐私框架的英国扩展（UK Extension）"),
		SafeguardDerogation:        T("a derogation for a specific situation (Art. 49 GDPR)", "特定情形下的例外（GDPR 第 49 条）"),
		SafeguardPIPLContract:      T("the PIPL standard contract for outbound transfers", "个人信息出境标准合同"),
		SafeguardPIPLAssessment:    T("a security assessment by the Cyberspace Administration of China", "国家网信部门组织的安全评估"),
		SafeguardPIPLCertification: T("personal information protection certification", "个人信息保护认证"),
	}
	roleLabels = map[RecipientRole]Text{
		RoleProcessor:  T("service provider acting on our instructions", "受托人（受我们委托处理）"),
		RoleController: T("independent organisation", "其他个人信息处理者（我们向其提供）"),
	}
)

// uk reports whether s is a transfer tool only the UK GDPR knows.
func (s Safeguard) uk() bool {
	return s == SafeguardUKIDTA || s == SafeguardUKAddendum || s == SafeguardUKExtension
}

// validForEU reports whether s can cover a transfer of EU data (GDPR Art. 45-49).
func (s Safeguard) validForEU() bool {
	return s == SafeguardAdequacy || s == SafeguardSCC || s == SafeguardDPF || s == SafeguardBCR || s == SafeguardDerogation
}

// validForUK reports whether s can cover a transfer of UK data on its own:
// the EU clauses need the UK Addendum, and the DPF needs the UK Extension.
func (s Safeguard) validForUK() bool {
	return s == SafeguardAdequacy || s == SafeguardBCR || s == SafeguardDerogation || s.uk()
}

// pipl reports whether s is one of the PIPL's outbound transfer mechanisms.
func (s Safeguard) pipl() bool {
	return s == SafeguardPIPLContract || s == SafeguardPIPLAssessment || s == SafeguardPIPLCertification
}

// Label names the region in lang.
func (r Region) Label(lang string) string { return regionLabels[r].In(lang) }

// Label names the legal basis in lang.
func (b LegalBasis) Label(lang string) string { return basisLabels[b].In(lang) }

// Label describes the right in lang.
func (r Right) Label(lang string) string { return rightLabels[r].In(lang) }

// Label names the safeguard in lang.
func (s Safeguard) Label(lang string) string { return safeguardLabels[s].In(lang) }

// Label names the role in lang.
func (r RecipientRole) Label(lang string) string { return roleLabels[r].In(lang) }

// hasRegion reports whether r is among rs.
func hasRegion(rs []Region, r Region) bool { return slices.Contains(rs, r) }

// Art9Condition is the GDPR Art. 9(2) condition that lifts the ban on
// processing special categories of personal data.
type Art9Condition string

// The Art. 9(2) conditions, points (a) to (j).
const (
	Art9ExplicitConsent   Art9Condition = "explicit_consent"              // (a)
	Art9Employment        Art9Condition = "employment_social_security"    // (b)
	Art9VitalInterests    Art9Condition = "vital_interests"               // (c)
	Art9NotForProfit      Art9Condition = "not_for_profit_body"           // (d)
	Art9MadePublic        Art9Condition = "made_public_by_data_subject"   // (e)
	Art9LegalClaims       Art9Condition = "legal_claims"                  // (f)
	Art9PublicInterest    Art9Condition = "substantial_public_interest"   // (g)
	Art9HealthCare        Art9Condition = "health_or_social_care"         // (h)
	Art9PublicHealth      Art9Condition = "public_health"                 // (i)
	Art9ArchivingResearch Art9Condition = "archiving_research_statistics" // (j)
)

// Art9Conditions lists the conditions in the order of Art. 9(2).
var Art9Conditions = []Art9Condition{Art9ExplicitConsent, Art9Employment, Art9VitalInterests, Art9NotForProfit, Art9MadePublic,
	Art9LegalClaims, Art9PublicInterest, Art9HealthCare, Art9PublicHealth, Art9ArchivingResearch}

var art9Labels = map[Art9Condition]Text{
	Art9ExplicitConsent:   T("your explicit consent (Art. 9(2)(a) GDPR)", "您的明确同意（GDPR 第 9 条第 2 款 a 项）"),
	Art9Employment:        T("employment, social security and social protection law (Art. 9(2)(b) GDPR)", "就业、社会保障和社会保护法律（GDPR 第 9 条第 2 款 b 项）"),
	Art9VitalInterests:    T("protecting vital interests where you cannot consent (Art. 9(2)(c) GDPR)", "在您无法作出同意时保护重大利益（GDPR 第 9 条第 2 款 c 项）"),
	Art9NotForProfit:      T("the activities of a not-for-profit body (Art. 9(2)(d) GDPR)", "非营利机构的正当活动（GDPR 第 9 条第 2 款 d 项）"),
	Art9MadePublic:        T("data you have manifestly made public (Art. 9(2)(e) GDPR)", "您已明显公开的数据（GDPR 第 9 条第 2 款 e 项）"),
	Art9LegalClaims:       T("establishing, exercising or defending legal claims (Art. 9(2)(f) GDPR)", "确立、行使或抗辩法律主张（GDPR 第 9 条第 2 款 f 项）"),
	Art9PublicInterest:    T("substantial public interest under law (Art. 9(2)(g) GDPR)", "依法律规定的重大公共利益（GDPR 第 9 条第 2 款 g 项）"),
	Art9HealthCare:        T("health or social care (Art. 9(2)(h) GDPR)", "医疗或社会护理（GDPR 第 9 条第 2 款 h 项）"),
	Art9PublicHealth:      T("public interest in public health (Art. 9(2)(i) GDPR)", "公共卫生领域的公共利益（GDPR 第 9 条第 2 款 i 项）"),
	Art9ArchivingResearch: T("archiving, research or statistics under law (Art. 9(2)(j) GDPR)", "依法律规定的存档、研究或统计目的（GDPR 第 9 条第 2 款 j 项）"),
}

// Label names the condition in lang.
func (c Art9Condition) Label(lang string) string { return art9Labels[c].In(lang) }

// CCPACategory is one of the categories of personal information the CCPA
// names (Cal. Civ. Code §1798.140(v)(1)), the terms a California notice uses.
type CCPACategory string

// The statutory categories, §1798.140(v)(1)(A) to (K), and sensitive
// personal information (§1798.140(ae)).
const (
	CCPAIdentifiers   CCPACategory = "identifiers"
	CCPACustomer      CCPACategory = "customer_records"
	CCPAProtected     CCPACategory = "protected_classifications"
	CCPACommercial    CCPACategory = "commercial_information"
	CCPABiometric     CCPACategory = "biometric_information"
	CCPAInternet      CCPACategory = "internet_activity"
	CCPAGeolocation   CCPACategory = "geolocation"
	CCPASensory       CCPACategory = "sensory_data"
	CCPAProfessional  CCPACategory = "professional_information"
	CCPAEducation     CCPACategory = "education_information"
	CCPAInferences    CCPACategory = "inferences"
	CCPASensitiveInfo CCPACategory = "sensitive_personal_information"
)

// CCPACategories lists the categories in the statute's order.
var CCPACategories = []CCPACategory{CCPAIdentifiers, CCPACustomer, CCPAProtected, CCPACommercial, CCPABiometric, CCPAInternet,
	CCPAGeolocation, CCPASensory, CCPAProfessional, CCPAEducation, CCPAInferences, CCPASensitiveInfo}

var ccpaCategoryLabels = map[CCPACategory]Text{
	CCPAIdentifiers:   T("Identifiers", "标识符"),
	CCPACustomer:      T("Customer records (Cal. Civ. Code §1798.80(e))", "客户记录（《加州民法典》第 1798.80(e) 条）"),
	CCPAProtected:     T("Characteristics of protected classifications", "受保护类别的特征"),
	CCPACommercial:    T("Commercial information", "商业信息"),
	CCPABiometric:     T("Biometric information", "生物识别信息"),
	CCPAInternet:      T("Internet or other electronic network activity", "互联网或其他电子网络活动信息"),
	CCPAGeolocation:   T("Geolocation data", "地理位置数据"),
	CCPASensory:       T("Audio, electronic, visual, thermal, olfactory or similar information", "音频、电子、视觉、热感、嗅觉或类似信息"),
	CCPAProfessional:  T("Professional or employment-related information", "职业或就业相关信息"),
	CCPAEducation:     T("Education information", "教育信息"),
	CCPAInferences:    T("Inferences drawn to create a profile", "为建立画像而作出的推断"),
	CCPASensitiveInfo: T("Sensitive personal information", "敏感个人信息"),
}

// Label names the category in lang.
func (c CCPACategory) Label(lang string) string { return ccpaCategoryLabels[c].In(lang) }

// ScreeningAction is what happens when the screening of a prompt finds
// personal data.
type ScreeningAction string

// The screening actions.
const (
	ScreenBlock  ScreeningAction = "block"  // the prompt is not sent
	ScreenRedact ScreeningAction = "redact" // the personal data found is removed before sending
	ScreenWarn   ScreeningAction = "warn"   // the user is warned and decides
)

// ScreeningActions lists every screening action.
var ScreeningActions = []ScreeningAction{ScreenBlock, ScreenRedact, ScreenWarn}
