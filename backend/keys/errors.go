package keys

import (
	"fmt"
	"strings"

	"steward/backend/apperr"
)

// Error codes of the key register, shared by the GUI and the CLI.
const (
	CodeNotAKey           apperr.Code = "key_invalid"
	CodeLooksLikeKey      apperr.Code = "key_in_text"
	CodeKeyExists         apperr.Code = "key_exists"
	CodeKeyUnknown        apperr.Code = "key_unknown"
	CodeKeyNotCurrent     apperr.Code = "key_not_current"
	CodeLabelTaken        apperr.Code = "key_label_taken"
	CodeEnvironment       apperr.Code = "key_environment_invalid"
	CodeMemberExists      apperr.Code = "member_exists"
	CodeMemberUnknown     apperr.Code = "member_unknown"
	CodeMemberHasKeys     apperr.Code = "member_has_keys"
	CodeDecisionInvalid   apperr.Code = "member_decision_invalid"
	CodeFieldRequired     apperr.Code = "field_required"
	CodeFieldInvalid      apperr.Code = "field_invalid"
	CodePlaceUnknown      apperr.Code = "key_place_unknown"
	CodeNoVerifier        apperr.Code = "key_verifier_missing"
	CodeVaultUnavailable  apperr.Code = "vault_unavailable"
	CodeSecretMissing     apperr.Code = "vault_secret_missing"
	CodeVaultPassphrase   apperr.Code = "vault_passphrase_wrong"
	CodeVaultCorrupt      apperr.Code = "vault_corrupt"
	CodeVaultLocked       apperr.Code = "vault_locked"
	CodePassphraseTooWeak apperr.Code = "vault_passphrase_weak"
)

func errRequired(op, en, zh string) error {
	return apperr.Text(CodeFieldRequired, op, en+" is required.", zh+"为必填项。")
}

func errMemberUnknown(op, name string) error {
	name = shown(name)
	return apperr.Text(CodeMemberUnknown, op,
		fmt.Sprintf("There is no member named %q.", name),
		fmt.Sprintf("没有名为“%s”的成员。", name))
}

func errKeyUnknown(op, label string) error {
	label = shown(label)
	return apperr.Text(CodeKeyUnknown, op,
		fmt.Sprintf("There is no current key labelled %q.", label),
		fmt.Sprintf("没有标签为“%s”的在用密钥。", label))
}

func errLabelTaken(op, label string) error {
	label = shown(label)
	return apperr.Text(CodeLabelTaken, op,
		fmt.Sprintf("Another current key is already labelled %q; choose another label.", label),
		fmt.Sprintf("已有在用密钥使用标签“%s”，请换一个标签。", label))
}

func errEnvironment(op, env string) error {
	env = shown(env)
	return apperr.Text(CodeEnvironment, op,
		fmt.Sprintf("Environment %q is not one of dev, staging or prod.", env),
		fmt.Sprintf("环境“%s”无效，只能是 dev、staging 或 prod。", env))
}

func errLooksLikeKey(op, field string) error {
	return apperr.Text(CodeLooksLikeKey, op,
		fmt.Sprintf("The %s looks like it contains an API key. Steward never stores keys in text fields; remove it.", field),
		fmt.Sprintf("%s中似乎包含 API 密钥。Steward 从不在文本字段中保存密钥，请将其删除。", fieldZh(field)))
}

func fieldZh(field string) string {
	switch field {
	case "name":
		return "名称"
	case "email":
		return "邮箱"
	case "role":
		return "角色"
	case "label":
		return "标签"
	case "notes":
		return "备注"
	case "place":
		return "更新位置"
	}
	return field
}

// isUniqueViolation reports whether a write failed on a unique index, in
// SQLite's words or PostgreSQL's (SQLSTATE 23505).
func isUniqueViolation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint") || strings.Contains(msg, "23505")
}
