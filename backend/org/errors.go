package org

import (
	"errors"
	"fmt"
	"net/http"

	"steward/backend/apperr"
	"steward/backend/openai"
	"steward/backend/secret"
)

// Error codes of the organization service.
const (
	CodeNotConnected   apperr.Code = "org_not_connected"
	CodeNotAdminKey    apperr.Code = "org_not_admin_key"
	CodeAdminRejected  apperr.Code = "org_admin_key_rejected"
	CodeAdminMissing   apperr.Code = "org_admin_key_missing"
	CodeNoSnapshot     apperr.Code = "org_no_snapshot"
	CodeUnknownKey     apperr.Code = "org_unknown_key"
	CodeConfirmSA      apperr.Code = "org_confirm_service_account"
	CodeAmbiguousLabel apperr.Code = "org_ambiguous_label"
	CodeBadChoice      apperr.Code = "org_bad_choice"
)

func errNotConnected() error {
	return apperr.Text(CodeNotConnected, "org",
		"Steward is not connected to your OpenAI organization. Connect it with an admin key: steward org connect (or the Organization screen).",
		"Steward 尚未连接到您的 OpenAI 组织。请用管理员密钥连接：steward org connect（或在“组织”页面）。")
}

func errAdminKeyMissing(cause error) error {
	e := apperr.Text(CodeAdminMissing, "org",
		"The organization's admin key is not in the vault any more. Connect again with steward org connect.",
		"保管库中已没有组织的管理员密钥。请运行 steward org connect 重新连接。")
	e.Err = cause
	return e
}

func errNoSnapshot() error {
	return apperr.Text(CodeNoSnapshot, "org",
		"There is no snapshot of the organization yet. Run steward org sync first.",
		"还没有组织快照。请先运行 steward org sync。")
}

// apiStatus is the HTTP status of an API error in err's chain, or 0.
func apiStatus(err error) int {
	var ae *openai.APIError
	if errors.As(err, &ae) {
		return ae.Status
	}
	return 0
}

// apiCode is the API error code in err's chain.
func apiCode(err error) (code, msg string) {
	var ae *openai.APIError
	if errors.As(err, &ae) {
		return ae.Code, ae.Message
	}
	return "", ""
}

// connectError says why an admin key was refused, naming it only redacted.
func connectError(redacted, kind string, err error) error {
	status := apiStatus(err)
	if kind != secret.KindAdmin && (status == http.StatusUnauthorized || status == http.StatusForbidden) {
		status = http.StatusForbidden // a project or service-account key: say that, whatever the API called it
	}
	switch status {
	case http.StatusForbidden:
		e := apperr.Text(CodeNotAdminKey, "org.connect",
			fmt.Sprintf("%s is not an admin key: the Administration API refused it (403). A project or service-account key cannot read the organization. Create an admin key at platform.openai.com/settings/organization/admin-keys and connect with that. Nothing was stored.", redacted),
			fmt.Sprintf("%s 不是管理员密钥：管理 API 拒绝了它（403）。项目密钥或服务账号密钥无法读取组织信息。请在 platform.openai.com/settings/organization/admin-keys 创建管理员密钥后再连接。未保存任何内容。", redacted))
		e.Err = err
		return e
	case http.StatusUnauthorized:
		e := apperr.Text(CodeAdminRejected, "org.connect",
			fmt.Sprintf("OpenAI rejected the admin key %s (401): it is mistyped, revoked or expired. Create a new admin key at platform.openai.com/settings/organization/admin-keys. Nothing was stored.", redacted),
			fmt.Sprintf("OpenAI 拒绝了管理员密钥 %s（401）：密钥可能输错、已被吊销或已过期。请在 platform.openai.com/settings/organization/admin-keys 创建新的管理员密钥。未保存任何内容。", redacted))
		e.Err = err
		return e
	}
	return fmt.Errorf("check the admin key %s: %w", redacted, err)
}

// rejectedError says the stored admin key stopped working.
func rejectedError(op string, err error) error {
	if apiStatus(err) != http.StatusUnauthorized && apiStatus(err) != http.StatusForbidden {
		return err
	}
	e := apperr.Text(CodeAdminRejected, op,
		"OpenAI no longer accepts Steward's admin key: it was revoked, expired or lost its permissions. Create a new admin key and run steward org connect again.",
		"OpenAI 不再接受 Steward 的管理员密钥：它已被吊销、过期或失去权限。请创建新的管理员密钥并重新运行 steward org connect。")
	e.Err = err
	return e
}
