package privacy

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"steward/backend/apperr"
	"steward/backend/textfile"
)

// maxAnswersSize bounds an answers file; real ones are a few kilobytes.
const maxAnswersSize = 4 << 20

// maxReported is how many problems one error message lists.
const maxReported = 20

// LoadAnswers reads answers from YAML or JSON; name is the file's name, used
// to pick the format (.json, .yaml, .yml; otherwise the content decides) and
// in messages. Unknown fields, wrong types and invalid values are reported
// together, each naming its field and, when known, its line.
func LoadAnswers(r io.Reader, name string) (Answers, error) {
	if name == "" {
		name = "answers"
	}
	data, err := textfile.Read(r, maxAnswersSize)
	if te, ok := textfile.As(err); ok {
		at, atZh := "", ""
		if te.Line > 0 {
			at, atZh = fmt.Sprintf(" (line %d)", te.Line), fmt.Sprintf("（第 %d 行）", te.Line)
		}
		return Answers{}, apperr.Text(apperr.ImportMalformed, "privacy.load",
			fmt.Sprintf("%s: %s%s.", name, te.Why, at), fmt.Sprintf("%s：%s%s。", name, te.WhyZh, atZh))
	}
	if err != nil {
		return Answers{}, apperr.Text(apperr.ImportMalformed, "privacy.load",
			fmt.Sprintf("%s: could not read the answers: %v", name, err), fmt.Sprintf("%s：无法读取问卷答案：%v", name, err))
	}
	format, root, err := parseAnswers(data, name)
	if err != nil {
		return Answers{}, apperr.Text(apperr.ImportMalformed, "privacy.load",
			fmt.Sprintf("%s: not valid %s: %v", name, format, err), fmt.Sprintf("%s：不是有效的 %s：%v", name, format, err))
	}
	if root.kind == kindNull { // a document holding only "~" or "null"
		root = &node{kind: kindMap}
	}
	if root.kind != kindMap {
		return Answers{}, apperr.Text(apperr.ImportMalformed, "privacy.load",
			name+": expected a mapping of answers (organisation, users, ...) at the top level",
			name+"：顶层应为问卷答案的映射（organisation、users 等）")
	}
	var a Answers
	d := &decoder{}
	d.decode(root, reflect.ValueOf(&a).Elem(), "")
	errs := d.errs
	for _, fe := range Validate(a) {
		fe.Line = root.lookup(fe.Field)
		errs = append(errs, fe)
	}
	if len(errs) > 0 {
		return Answers{}, answersError(name, "privacy.load", errs)
	}
	return a, nil
}

// parseAnswers parses data as JSON or YAML, by name or else by content.
func parseAnswers(data []byte, name string) (string, *node, error) {
	ext := strings.ToLower(filepath.Ext(name))
	isJSON := ext == ".json" || ext != ".yaml" && ext != ".yml" && bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))
	if isJSON {
		n, err := parseJSON(data)
		return "JSON", n, err
	}
	n, err := parseYAML(data)
	return "YAML", n, err
}

// answersError turns field problems into one user-facing error listing them,
// e.g. `answers.yaml: field "users.regions[2]": "mars" is not a region; use
// eu, uk, california, china or elsewhere (line 7)`.
func answersError(name, op string, errs []FieldError) error {
	var en, zh []string
	for i, fe := range errs {
		if i == maxReported {
			more := strconv.Itoa(len(errs) - maxReported)
			en, zh = append(en, "… and "+more+" more"), append(zh, "……另有 "+more+" 处问题")
			break
		}
		e, z := fmt.Sprintf("field %q: %s", fe.Field, fe.Problem.En), fmt.Sprintf("字段“%s”：%s", fe.Field, fe.Problem.Zh)
		if name != "" {
			e, z = name+": "+e, name+"："+z
		}
		if fe.Line > 0 {
			e, z = e+fmt.Sprintf(" (line %d)", fe.Line), z+fmt.Sprintf("（第 %d 行）", fe.Line)
		}
		en, zh = append(en, e), append(zh, z)
	}
	err := apperr.Text(apperr.Invalid, op, strings.Join(en, "\n"), strings.Join(zh, "\n"))
	err.Args = map[string]string{"field": errs[0].Field}
	if errs[0].Line > 0 {
		err.Args["line"] = strconv.Itoa(errs[0].Line)
	}
	return err
}
