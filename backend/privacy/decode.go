package privacy

import (
	"reflect"
	"strconv"
	"strings"
)

// FieldError is one problem with one answer: the field's path (as in
// "users.regions[2]"), the line of the file when known, and what is wrong.
type FieldError struct {
	Field   string `json:"field"`
	Line    int    `json:"line,omitempty"`
	Problem Text   `json:"problem"`
}

// decoder fills Go values from a node tree, collecting every problem.
type decoder struct {
	errs []FieldError
}

var textType = reflect.TypeFor[Text]()

func (d *decoder) fail(path string, n *node, en, zh string) {
	line := 0
	if n != nil {
		line = n.line
	}
	d.errs = append(d.errs, FieldError{Field: path, Line: line, Problem: T(en, zh)})
}

// expected records that n has the wrong shape for the field at path.
func (d *decoder) expected(path string, n *node, want Text) {
	got := n.describe()
	d.fail(path, n, "expected "+want.En+", got "+got.En, "应为"+want.Zh+"，实际为"+got.Zh)
}

// decode fills v from n; path names v for error messages.
func (d *decoder) decode(n *node, v reflect.Value, path string) {
	if v.Type() == textType {
		d.text(n, v, path)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.kind == kindNull {
			v.SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		d.decode(n, p.Elem(), path)
		v.Set(p)
	case reflect.Struct:
		d.object(n, v, path)
	case reflect.Slice:
		d.list(n, v, path)
	case reflect.String:
		switch n.kind {
		case kindScalar:
			v.SetString(strings.TrimSpace(n.value))
		case kindNull:
			v.SetString("")
		default:
			d.expected(path, n, T("text", "文本"))
		}
	case reflect.Int:
		i, err := strconv.Atoi(n.value)
		if n.kind == kindNull {
			v.SetInt(0)
		} else if n.kind != kindScalar || n.tag != "int" || err != nil {
			d.expected(path, n, T("a whole number", "整数"))
		} else {
			v.SetInt(int64(i))
		}
	case reflect.Bool:
		b, err := strconv.ParseBool(n.value)
		if n.kind != kindScalar || n.tag != "bool" || err != nil {
			d.expected(path, n, T("true or false", "true 或 false"))
			return
		}
		v.SetBool(b)
	}
}

// object fills a struct from a mapping, by the fields' JSON names.
func (d *decoder) object(n *node, v reflect.Value, path string) {
	if n.kind == kindNull {
		return
	}
	if n.kind != kindMap {
		d.expected(path, n, T("a mapping", "映射（键值对）"))
		return
	}
	fields := fieldsByName(v.Type())
	for i, key := range n.keys {
		idx, ok := fields[key]
		if !ok {
			names := fieldNames(v.Type())
			d.fail(join(path, key), n.vals[i], "unknown field; expected one of: "+strings.Join(names, ", "),
				"未知字段；可用的字段为："+strings.Join(names, "、"))
			continue
		}
		d.decode(n.vals[i], v.Field(idx), join(path, key))
	}
}

// list fills a slice from a list.
func (d *decoder) list(n *node, v reflect.Value, path string) {
	switch n.kind {
	case kindNull:
		v.SetZero()
		return
	case kindList:
	default:
		d.expected(path, n, T("a list", "列表"))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
	for i, item := range n.items {
		d.decode(item, s.Index(i), path+"["+strconv.Itoa(i)+"]")
	}
	v.Set(s)
}

// text fills a Text from a plain string or an en / zh-CN mapping.
func (d *decoder) text(n *node, v reflect.Value, path string) {
	var t Text
	switch n.kind {
	case kindNull:
	case kindScalar:
		t = textFrom(strings.TrimSpace(n.value))
	case kindMap:
		for i, key := range n.keys {
			val := n.vals[i]
			if val.kind != kindScalar && val.kind != kindNull {
				d.expected(join(path, key), val, T("text", "文本"))
				continue
			}
			switch key {
			case "en":
				t.En = strings.TrimSpace(val.value)
			case "zh-CN", "zh":
				t.Zh = strings.TrimSpace(val.value)
			default:
				d.fail(join(path, key), val, "unknown language; use en or zh-CN", "未知语言；请使用 en 或 zh-CN")
			}
		}
	default:
		d.expected(path, n, T("text, or a mapping with en and zh-CN", "文本，或含 en 与 zh-CN 的映射"))
	}
	v.Set(reflect.ValueOf(t))
}

// fieldsByName maps each JSON field name of struct type t to its index.
func fieldsByName(t reflect.Type) map[string]int {
	out := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			out[name] = i
		}
	}
	return out
}

// fieldNames lists the JSON field names of struct type t in order.
func fieldNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			out = append(out, name)
		}
	}
	return out
}

func jsonName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// join appends key to a field path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
