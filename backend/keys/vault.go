package keys

import (
	"errors"

	"steward/backend/apperr"
)

// Vault keeps key secrets. It is the only place a full API key is stored;
// the account is the key record's id as a decimal string.
type Vault interface {
	Set(account, secret string) error
	Get(account string) (string, error)
	Delete(account string) error
}

// ErrNotFound is returned by a Vault that holds nothing for an account.
var ErrNotFound = apperr.Text(CodeSecretMissing, "keys.vault",
	"The vault holds no secret for this key. It may have been deleted outside Steward; rotate the key or add it again.",
	"保管库中没有这把密钥。它可能已在 Steward 之外被删除；请轮换该密钥或重新添加。")

// ErrUnavailable is returned when the vault cannot be used at all: no
// keychain service, a locked keychain, or access denied.
var ErrUnavailable = apperr.Text(CodeVaultUnavailable, "keys.vault",
	"The system keychain is not available, so Steward cannot store API keys. "+
		"On Linux, install and start gnome-keyring (or another Secret Service such as KeePassXC) and unlock it; "+
		"on macOS and Windows, unlock your login keychain or credential store. "+
		"Or turn on Steward's encrypted file vault on the Keys screen (or: steward keys vault file) and choose a passphrase.",
	"系统钥匙串不可用，Steward 无法保存 API 密钥。"+
		"在 Linux 上，请安装并启动 gnome-keyring（或 KeePassXC 等其他 Secret Service）并将其解锁；"+
		"在 macOS 和 Windows 上，请解锁登录钥匙串或凭据管理器。"+
		"也可以在“密钥”页面（或运行 steward keys vault file）启用 Steward 的加密文件保管库并设置口令。")

// ErrWrongPassphrase is returned when the encrypted file vault does not
// open with the passphrase given.
var ErrWrongPassphrase = apperr.Text(CodeVaultPassphrase, "keys.vault",
	"The vault passphrase is wrong. Try again; the vault file was not changed.",
	"保管库口令错误。请重试；保管库文件未被改动。")

// ErrCorrupt is returned when the encrypted file vault is damaged or not a
// Steward vault. Steward leaves such a file exactly as it is.
var ErrCorrupt = apperr.Text(CodeVaultCorrupt, "keys.vault",
	"The vault file is damaged or is not a Steward vault, so Steward left it untouched. "+
		"Restore vault.bin from a backup, or move it aside and add your keys again.",
	"保管库文件已损坏或不是 Steward 保管库，Steward 未对其做任何改动。"+
		"请从备份中恢复 vault.bin，或将其移走后重新添加密钥。")

// unavailableError is ErrUnavailable with the reason it applies now.
type unavailableError struct {
	whyEn, whyZh string
	cause        error
}

// unavailable says why the vault cannot be used; the result is ErrUnavailable
// to errors.Is and an *apperr.Error naming the reason to errors.As.
func unavailable(whyEn, whyZh string, cause error) error {
	return &unavailableError{whyEn: whyEn, whyZh: whyZh, cause: cause}
}

func (e *unavailableError) Error() string {
	msg := e.whyEn + " " + ErrUnavailable.En
	if e.cause != nil {
		msg += " (" + e.cause.Error() + ")"
	}
	return msg
}

func (e *unavailableError) Is(target error) bool { return target == ErrUnavailable }

func (e *unavailableError) As(target any) bool {
	t, ok := target.(**apperr.Error)
	if ok {
		*t = &apperr.Error{Code: CodeVaultUnavailable, Op: "keys.vault", Err: e.cause,
			En: e.whyEn + " " + ErrUnavailable.En, Zh: e.whyZh + ErrUnavailable.Zh}
	}
	return ok
}

// isNotFound reports whether err says a vault holds nothing for an account.
func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// ErrLocked is returned while the encrypted file vault is chosen but not yet
// unlocked with its passphrase.
var ErrLocked = apperr.Text(CodeVaultLocked, "keys.vault",
	"The encrypted key vault is locked. Unlock it with its passphrase on the Keys screen.",
	"加密密钥保管库已锁定。请在“密钥”页面输入口令解锁。")
