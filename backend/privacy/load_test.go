package privacy

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"steward/backend/apperr"
)

func TestLoadAnswers_OK(t *testing.T) {
	a := loadSet(t, "all")
	if a.Organisation.Name != "Lumen Notes Ltd." || len(a.Users.Regions) != 3 || *a.DPO.Appointed != true {
		t.Fatalf("unexpected answers: %+v", a.Organisation)
	}
	if got := a.Categories[0].Name; got.En != "Account details" || got.Zh != "账户信息" {
		t.Fatalf("bilingual text = %+v", got)
	}
	t.Run("OK_SameFromJSON", func(t *testing.T) {
		body, err := json.MarshalIndent(a, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		b, err := LoadAnswers(strings.NewReader(string(body)), "answers.json")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatal("answers differ after a JSON round trip")
		}
	})
	t.Run("OK_PlainChineseStringIsFiledAsChinese", func(t *testing.T) {
		b, err := LoadAnswers(strings.NewReader("products: [青岚写作助手, Notes]\n"), "a.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if b.Products[0] != (Text{Zh: "青岚写作助手"}) || b.Products[1] != (Text{En: "Notes"}) {
			t.Fatalf("products = %+v", b.Products)
		}
	})
	t.Run("OK_EmptyFile", func(t *testing.T) {
		for _, name := range []string{"a.yaml", "a.json"} {
			if b, err := LoadAnswers(strings.NewReader("  \n"), name); err != nil || !reflect.DeepEqual(b, Answers{}) {
				t.Fatalf("%s: %+v, %v", name, b, err)
			}
		}
	})
}

func TestLoadAnswersErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		input string
		code  apperr.Code
		want  string // must appear in the English message
		zh    string // must appear in the Chinese message
	}{
		{"ErrUnknownRegion", "answers.yaml", "users:\n  regions:\n    - eu\n    - uk\n    - mars\n", apperr.Invalid,
			`answers.yaml: field "users.regions[2]": "mars" is not a region; use eu, uk, california, china or elsewhere (line 5)`, `字段“users.regions[2]”：“mars”不是有效的地区`},
		{"ErrUnknownRegionFlow", "answers.yaml", "users: {regions: [eu, uk, mars]}\n", apperr.Invalid,
			`answers.yaml: field "users.regions[2]": "mars" is not a region; use eu, uk, california, china or elsewhere (line 1)`, "（第 1 行）"},
		{"ErrUnknownField", "a.yaml", "organisation:\n  name: X\n  fax: 123\n", apperr.Invalid,
			`a.yaml: field "organisation.fax": unknown field; expected one of: name, address, email, phone, website, established_in (line 3)`, "未知字段"},
		{"ErrUnknownTopLevelField", "a.yaml", "colour: blue\n", apperr.Invalid, `field "colour": unknown field`, "未知字段"},
		{"ErrListGivenAsString", "a.yaml", "users:\n  regions: eu\n", apperr.Invalid, `field "users.regions": expected a list, got "eu" (line 2)`, "应为列表"},
		{"ErrNumberGivenAsWord", "a.yaml", "children:\n  minimum_age: thirteen\n", apperr.Invalid,
			`field "children.minimum_age": expected a whole number, got "thirteen" (line 2)`, "应为整数"},
		{"ErrBoolGivenAsWord", "a.yaml", "data_protection_officer:\n  appointed: maybe\n", apperr.Invalid,
			`field "data_protection_officer.appointed": expected true or false, got "maybe"`, "true 或 false"},
		{"ErrMappingGivenAsList", "a.yaml", "organisation: [a, b]\n", apperr.Invalid, `field "organisation": expected a mapping, got a list`, "应为映射"},
		{"ErrBadEmail", "a.yaml", "organisation:\n  email: privacy-at-lumen\n", apperr.Invalid,
			`field "organisation.email": "privacy-at-lumen" is not an email address (line 2)`, "不是有效的电子邮件地址"},
		{"ErrUnknownLegalBasis", "a.yaml", "purposes:\n  - purpose: Ads\n    legal_basis: legit\n", apperr.Invalid,
			`field "purposes[0].legal_basis": "legit" is not a legal basis; use consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests (line 3)`, "有效的法律依据"},
		{"ErrBadDate", "a.yaml", "policy_changes:\n  effective_date: 2026-13-01\n", apperr.Invalid,
			`field "policy_changes.effective_date": "2026-13-01" is not a date; use YYYY-MM-DD (line 2)`, "YYYY-MM-DD"},
		{"ErrUnknownCategoryReference", "a.yaml", "data_categories:\n  - id: account\npurposes:\n  - categories: [acount]\n", apperr.Invalid,
			`field "purposes[0].categories[0]": "acount" is not one of the data_categories ids (line 4)`, "data_categories"},
		{"ErrUnknownTextLanguage", "a.yaml", "products:\n  - fr: Carnet\n", apperr.Invalid, `field "products[0].fr": unknown language; use en or zh-CN (line 2)`, "未知语言"},
		{"ErrUnknownSafeguard", "a.yaml", "international_transfers:\n  transfers:\n    - safeguards: [trust_us]\n", apperr.Invalid,
			`field "international_transfers.transfers[0].safeguards[0]": "trust_us" is not a transfer safeguard`, "出境保障机制"},
		{"ErrJSONUnknownField", "answers.json", "{\n  \"organisation\": {\n    \"name\": \"X\",\n    \"fax\": \"1\"\n  }\n}\n", apperr.Invalid,
			`answers.json: field "organisation.fax": unknown field`, "（第 4 行）"},
		{"ErrJSONWrongType", "answers.json", "{\"rights\": {\"response_days\": \"soon\"}}", apperr.Invalid,
			`field "rights.response_days": expected a whole number, got "soon" (line 1)`, "应为整数"},
		{"ErrJSONFraction", "answers.json", "{\"rights\": {\"response_days\": 2.5}}", apperr.Invalid, `expected a whole number, got "2.5"`, "应为整数"},
		{"ErrOutOfRange", "a.yaml", "rights:\n  response_days: 9999\n", apperr.Invalid, `field "rights.response_days": 9999 is out of range; use 0 to 365`, "超出范围"},
		{"ErrYAMLSyntax", "a.yaml", "organisation: [\n", apperr.ImportMalformed, "a.yaml: not valid YAML", "不是有效的 YAML"},
		{"ErrJSONSyntax", "a.json", "{\"organisation\": }", apperr.ImportMalformed, "a.json: not valid JSON", "不是有效的 JSON"},
		{"ErrJSONTrailingData", "a.json", "{} {}", apperr.ImportMalformed, "unexpected data after the answers", "JSON"},
		{"ErrTopLevelList", "a.yaml", "- eu\n", apperr.ImportMalformed, "expected a mapping of answers", "顶层应为"},
		{"ErrDuplicateKey", "a.yaml", "products: [a]\nproducts: [b]\n", apperr.ImportMalformed, `line 2: "products" appears twice`, "YAML"},
		{"ErrTwoDocuments", "a.yaml", "products: [a]\n---\nproducts: [b]\n", apperr.ImportMalformed, "more than one YAML document", "YAML"},
		{"ErrMergeKey", "a.yaml", "base: &b {name: X}\norganisation:\n  <<: *b\n", apperr.ImportMalformed, "merge keys", "YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadAnswers(strings.NewReader(tt.input), tt.file)
			if err == nil {
				t.Fatal("no error")
			}
			code, en := apperr.Describe(err, "en")
			_, zh := apperr.Describe(err, LangZh)
			if code != tt.code || !strings.Contains(en, tt.want) || !strings.Contains(zh, tt.zh) {
				t.Fatalf("got %s\n%s\n%s\nwant %s containing\n%s\nand %s", code, en, zh, tt.code, tt.want, tt.zh)
			}
		})
	}
}

func TestLoadAnswersReportsEveryProblem(t *testing.T) {
	input := "organisation:\n  email: nope\n  fax: 1\nusers:\n  regions: [mars]\n"
	_, err := LoadAnswers(strings.NewReader(input), "a.yaml")
	for _, want := range []string{`"organisation.email"`, `"organisation.fax"`, `"users.regions[0]"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %s: %v", want, err)
		}
	}
	var e *apperr.Error
	if !asAppErr(err, &e) || e.Args["field"] != "organisation.fax" || e.Args["line"] != "3" {
		t.Errorf("first problem args = %+v", e)
	}
}

func TestLoadAnswersRefusesHugeAndAliasBombs(t *testing.T) {
	big := strings.Repeat("#", maxAnswersSize+10)
	if _, err := LoadAnswers(strings.NewReader(big), "a.yaml"); !apperr.Is(err, apperr.ImportMalformed) {
		t.Errorf("huge file: %v", err)
	}
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	if _, err := LoadAnswers(strings.NewReader(bomb), "a.yaml"); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("alias bomb: %v", err)
	}
}

func TestExampleFileIsValidYAML(t *testing.T) {
	// The example doubles as documentation: it must load without warnings.
	if _, err := os.Stat(setPath("all")); err != nil {
		t.Fatal(err)
	}
	loadSet(t, "all")
}
