package app

import (
	"reflect"
	"testing"
)

// TestEnums checks each enum the UI shows: values and member names are
// non-empty and unique, and members are valid TypeScript identifiers.
func TestEnums(t *testing.T) {
	seenTypes := map[reflect.Type]bool{}
	for _, e := range Enums() {
		list := reflect.ValueOf(e)
		typ := list.Type().Elem().Field(0).Type
		if seenTypes[typ] {
			t.Errorf("%v bound twice", typ)
		}
		seenTypes[typ] = true
		if list.Len() == 0 {
			t.Errorf("%v: no values", typ)
		}
		values, names := map[string]bool{}, map[string]bool{}
		for i := range list.Len() {
			v, name := list.Index(i).Field(0).String(), list.Index(i).Field(1).String()
			if v == "" || values[v] || names[name] {
				t.Errorf("%v: value %q (member %s) empty or repeated", typ, v, name)
			}
			values[v], names[name] = true, true
		}
	}
}

func TestMemberName(t *testing.T) {
	for in, want := range map[string]string{"self-harm/intent": "SELF_HARM_INTENT", "at_risk": "AT_RISK", "eu": "EU", "2fa": "V_2FA"} {
		if got := memberName(in); got != want {
			t.Errorf("memberName(%q) = %s, want %s", in, got, want)
		}
	}
}
