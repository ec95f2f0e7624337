package app

import (
	"strings"
	"unicode"

	"steward/backend/checklist"
	"steward/backend/keys"
	"steward/backend/moderation"
	"steward/backend/privacy"
)

// EnumValue is one value of an enum the UI shows, in the shape Wails'
// EnumBind takes: the Go type of Value names the TypeScript enum (in its
// package's namespace of models.ts) and TSName names the member.
type EnumValue[T ~string] struct {
	Value  T
	TSName string
}

// Enums lists every enum the UI shows, for Wails' EnumBind: `make
// bindings` turns each into a TypeScript enum in models.ts, so the
// frontend's lists come from these and a test fails when they drift.
func Enums() []any {
	return []any{
		enumOf[checklist.Status](checklist.Statuses),
		enumOf[checklist.EvidenceKind](checklist.EvidenceKinds()),
		enumOf[checklist.EvidenceRefKind](checklist.EvidenceRefKinds()),
		enumOf[moderation.Category](moderation.Categories()),
		enumOf[moderation.RunStatus](moderation.RunStatuses()),
		enumOf[moderation.ResultState](moderation.ResultStates()),
		enumOf[moderation.PIIPolicy](moderation.PIIPolicies),
		enumOf[keys.Status](keys.Statuses),
		enumOf[keys.Environment](keys.Environments),
		enumOf[keys.Kind](keys.Kinds()),
		enum(privacy.Regions),
		enum(privacy.LegalBases),
		enum(privacy.Rights),
		enum(privacy.Safeguards),
		enum(privacy.RecipientRoles),
		enum(privacy.Art9Conditions),
		enum(privacy.CCPACategories),
		enum(privacy.ScreeningActions),
	}
}

// enum is values as an enum, each member named after its value.
func enum[T ~string](values []T) []EnumValue[T] {
	out := make([]EnumValue[T], len(values))
	for i, v := range values {
		out[i] = EnumValue[T]{Value: v, TSName: memberName(string(v))}
	}
	return out
}

// enumOf is untyped values as an enum of T.
func enumOf[T ~string](values []string) []EnumValue[T] {
	typed := make([]T, len(values))
	for i, v := range values {
		typed[i] = T(v)
	}
	return enum(typed)
}

// memberName is a value as a TypeScript enum member: "self-harm/intent"
// becomes SELF_HARM_INTENT.
func memberName(v string) string {
	name := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return '_'
	}, v)
	if name == "" || unicode.IsDigit(rune(name[0])) {
		name = "V_" + name
	}
	return name
}
