package privacy

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// categoryID is the shape of a data category's key.
var categoryID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

// validator collects value problems; missing answers are not problems.
type validator struct {
	errs []FieldError
}

func (v *validator) fail(field, en, zh string) {
	v.errs = append(v.errs, FieldError{Field: field, Problem: T(en, zh)})
}

// Validate checks the values that are given: email and web addresses, dates,
// regions, legal bases, rights, safeguards, roles, numbers and references
// between categories. Unanswered questions are not errors; Check reports them.
func Validate(a Answers) []FieldError {
	v := &validator{}
	v.email("organisation.email", a.Organisation.Email)
	v.link("organisation.website", a.Organisation.Website)
	v.regions("organisation.established_in", a.Organisation.EstablishedIn)
	v.email("data_protection_officer.email", a.DPO.Email)
	v.email("eu_representative.email", a.EURepresentative.Email)
	v.email("uk_representative.email", a.UKRepresentative.Email)
	v.email("china_representative.email", a.ChinaRepresentative.Email)
	v.regions("users.regions", a.Users.Regions)
	ids := v.categories(a.Categories)
	for i, p := range a.Purposes {
		path := fmt.Sprintf("purposes[%d]", i)
		v.enum(path+".legal_basis", string(p.LegalBasis), strs(LegalBases), "a legal basis", "有效的法律依据")
		v.refs(path+".categories", p.Categories, ids)
	}
	v.number("ai.prompt_log_days", a.AI.PromptLogDays, 3650)
	v.enum("ai.pii_screening_action", string(a.AI.PIIScreeningAction), strs(ScreeningActions), "a screening action", "有效的筛查处理方式")
	for i, r := range a.Recipients {
		path := fmt.Sprintf("recipients[%d]", i)
		v.enum(path+".role", string(r.Role), strs(RecipientRoles), "a recipient role", "有效的接收方身份")
		v.contact(path+".contact", r.Contact)
		v.regions(path+".prompts_from", r.PromptsFrom)
		v.refs(path+".categories", r.Categories, ids)
	}
	for i, k := range a.China.SDKs.List {
		v.refs(fmt.Sprintf("china.third_party_sdks.list[%d].categories", i), k.Categories, ids)
	}
	v.email("china.protection_officer.email", a.China.Officer.Email)
	for i, t := range a.Transfers.Transfers {
		path := fmt.Sprintf("international_transfers.transfers[%d]", i)
		v.regions(path+".from", t.From)
		v.refs(path+".categories", t.Categories, ids)
		v.contact(path+".contact", t.Contact)
		for j, s := range t.Safeguards {
			v.enum(fmt.Sprintf("%s.safeguards[%d]", path, j), string(s), strs(Safeguards), "a transfer safeguard", "有效的出境保障机制")
		}
	}
	for i, r := range a.Rights.Offered {
		v.enum(fmt.Sprintf("rights.offered[%d]", i), string(r), strs(Rights), "a right", "有效的权利")
	}
	v.contact("rights.contact", a.Rights.Contact)
	v.number("rights.response_days", a.Rights.ResponseDays, 365)
	v.number("children.minimum_age", a.Children.MinimumAge, 21)
	v.link("california.opt_out_link", a.California.OptOutLink)
	v.link("california.limit_link", a.California.LimitLink)
	v.date("policy_changes.effective_date", a.Changes.EffectiveDate)
	v.date("policy_changes.last_updated", a.Changes.LastUpdated)
	return v.errs
}

// enum checks that value, when given, is one of allowed.
func (v *validator) enum(field, value string, allowed []string, en, zh string) {
	if value == "" || slices.Contains(allowed, value) {
		return
	}
	v.fail(field, fmt.Sprintf("%q is not %s; use %s", value, en, orList(allowed)),
		fmt.Sprintf("“%s”不是%s；可选值为 %s", value, zh, strings.Join(allowed, "、")))
}

// orList joins choices as "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// strs lists enum values as strings.
func strs[E ~string](es []E) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return out
}

func (v *validator) regions(field string, rs []Region) {
	for i, r := range rs {
		v.enum(field+"["+strconv.Itoa(i)+"]", string(r), strs(Regions), "a region", "有效的地区")
	}
}

func (v *validator) email(field, s string) {
	if s == "" {
		return
	}
	if addr, err := mail.ParseAddress(s); err != nil || addr.Address != s {
		v.fail(field, fmt.Sprintf("%q is not an email address", s), fmt.Sprintf("“%s”不是有效的电子邮件地址", s))
	}
}

// link checks a web address: http or https with a host.
func (v *validator) link(field, s string) {
	if s == "" {
		return
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.fail(field, fmt.Sprintf("%q is not a web address; start it with https://", s),
			fmt.Sprintf("“%s”不是有效的网址；请以 https:// 开头", s))
	}
}

// contact accepts an email address or a web address.
func (v *validator) contact(field, s string) {
	if s == "" {
		return
	}
	if strings.Contains(s, "://") {
		v.link(field, s)
		return
	}
	if addr, err := mail.ParseAddress(s); err != nil || addr.Address != s {
		v.fail(field, fmt.Sprintf("%q is neither an email address nor a web address", s),
			fmt.Sprintf("“%s”既不是电子邮件地址，也不是网址", s))
	}
}

func (v *validator) date(field, s string) {
	if s == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		v.fail(field, fmt.Sprintf("%q is not a date; use YYYY-MM-DD", s), fmt.Sprintf("“%s”不是有效日期；请使用 YYYY-MM-DD 格式", s))
	}
}

func (v *validator) number(field string, n, most int) {
	if n < 0 || n > most {
		v.fail(field, fmt.Sprintf("%d is out of range; use 0 to %d", n, most), fmt.Sprintf("%d 超出范围；请填写 0 到 %d", n, most))
	}
}

// categories checks category keys and returns the set of them.
func (v *validator) categories(cs []DataCategory) map[string]bool {
	ids := map[string]bool{}
	for i, c := range cs {
		field := fmt.Sprintf("data_categories[%d].id", i)
		switch {
		case !categoryID.MatchString(c.ID):
			v.fail(field, fmt.Sprintf("%q is not a category key; use lower-case letters, digits, - and _ (e.g. account)", c.ID),
				fmt.Sprintf("“%s”不是有效的类别标识；请使用小写字母、数字、- 和 _（例如 account）", c.ID))
		case ids[c.ID]:
			v.fail(field, fmt.Sprintf("%q is used by another category", c.ID), fmt.Sprintf("“%s”已被其他类别使用", c.ID))
		}
		ids[c.ID] = true
		v.enum(fmt.Sprintf("data_categories[%d].ccpa_category", i), string(c.CCPACategory), strs(CCPACategories),
			"a CCPA category", "有效的 CCPA 类别")
		v.enum(fmt.Sprintf("data_categories[%d].special_category_condition", i), string(c.Art9Condition), strs(Art9Conditions),
			"a GDPR Art. 9(2) condition", "有效的 GDPR 第 9 条第 2 款条件")
	}
	return ids
}

// refs checks that every category key refers to a defined category.
func (v *validator) refs(field string, refs []string, ids map[string]bool) {
	for i, r := range refs {
		if !ids[r] {
			v.fail(field+"["+strconv.Itoa(i)+"]", fmt.Sprintf("%q is not one of the data_categories ids", r),
				fmt.Sprintf("“%s”不是 data_categories 中已定义的类别标识", r))
		}
	}
}
