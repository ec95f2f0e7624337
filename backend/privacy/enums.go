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
)

// Safeguards lists every transfer mechanism.
var Safeguards = []Safeguard{SafeguardAdequacy, SafeguardSCC, SafeguardDPF, SafeguardBCR, SafeguardPIPLContract, SafeguardPIPLAssessment, SafeguardPIPLCertification}

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
		SafeguardAdequacy:          T("an adequacy decision of the European Commission", "欧盟委员会的充分性认定"),
		SafeguardSCC:               T("standard contractual clauses approved by the European Commission", "欧盟委员会批准的标准合同条款"),
		SafeguardDPF:               T("the EU-U.S. Data Privacy Framework", "欧美数据隐私框架（DPF）"),
		SafeguardBCR:               T("binding corporate rules", "有约束力的公司规则"),
		SafeguardPIPLContract:      T("the PIPL standard contract for outbound transfers", "个人信息出境标准合同"),
		SafeguardPIPLAssessment:    T("a security assessment by the Cyberspace Administration of China", "国家网信部门组织的安全评估"),
		SafeguardPIPLCertification: T("personal information protection certification", "个人信息保护认证"),
	}
	roleLabels = map[RecipientRole]Text{
		RoleProcessor:  T("service provider acting on our instructions", "受托处理者"),
		RoleController: T("independent organisation", "独立的个人信息处理者"),
	}
)

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
