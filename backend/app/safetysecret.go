package app

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"steward/backend/apperr"
	"steward/backend/gateway"
)

// EnvSafetySecretFile names a file holding the safety-identifier secret,
// so that every replica of a team's gateway hashes members and end users
// alike (and the end-user blocklist they share matches); without it each
// host's vault keeps its own secret.
const EnvSafetySecretFile = "STEWARD_SAFETY_SECRET_FILE"

// safetyVault is the vault the gateway's guard reads its secret from: the
// secret file when one is named, else the key vault.
func (c *core) safetyVault() gateway.SecretVault {
	if path := strings.TrimSpace(c.opts.Getenv(EnvSafetySecretFile)); path != "" {
		return secretFile{path: path, vault: c.vault}
	}
	return c.vault
}

// secretFile serves the safety-identifier secret from a file only its
// owner can read; every other account goes to the vault.
type secretFile struct {
	path  string
	vault gateway.SecretVault
}

func (f secretFile) Get(account string) (string, error) {
	if account != gateway.SafetySecretAccount {
		return f.vault.Get(account)
	}
	st, err := os.Stat(f.path)
	if err != nil {
		return "", secretFileErr(f.path, "cannot be read", "无法读取", err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return "", secretFileErr(f.path, fmt.Sprintf("may be read by others (mode %o); chmod 600 it", st.Mode().Perm()),
			fmt.Sprintf("其他用户可读（权限 %o）；请执行 chmod 600", st.Mode().Perm()), nil)
	}
	b, err := os.ReadFile(f.path)
	if err != nil {
		return "", secretFileErr(f.path, "cannot be read", "无法读取", err)
	}
	s := strings.TrimSpace(string(b))
	if len(s) < 32 {
		return "", secretFileErr(f.path, "holds fewer than 32 characters; write a long random secret (openssl rand -hex 32)",
			"少于 32 个字符；请写入足够长的随机密钥（openssl rand -hex 32）", nil)
	}
	return s, nil
}

func (f secretFile) Set(account, secret string) error {
	if account != gateway.SafetySecretAccount {
		return f.vault.Set(account, secret)
	}
	return secretFileErr(f.path, "is where the secret must be written (openssl rand -hex 32)", "需要写入密钥（openssl rand -hex 32）", nil)
}

// secretFileErr explains what is wrong with the secret file.
func secretFileErr(path, en, zh string, cause error) error {
	return &apperr.Error{Code: apperr.Invalid, Op: "app.safety_secret", Err: cause,
		En: fmt.Sprintf("The safety-identifier secret file %s (%s) %s.", path, EnvSafetySecretFile, en),
		Zh: fmt.Sprintf("安全标识密钥文件 %s（%s）%s。", path, EnvSafetySecretFile, zh)}
}
