package gateway

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"steward/backend/apperr"
)

// EnvUpstreamKeyFile names the file a headless gateway reads its upstream
// key from (a container secret, a systemd credential).
const EnvUpstreamKeyFile = "STEWARD_UPSTREAM_KEY_FILE"

// CodeKeyFile marks an upstream key file that cannot be used.
const CodeKeyFile apperr.Code = "gateway_key_file"

// maxKeyFile bounds what is read of a key file: a key is a few hundred bytes.
const maxKeyFile = 64 << 10

// KeyFromFile is a KeySource reading the key from path on every call (the
// gateway caches it for a minute), so a rotated file is picked up. The file
// must be readable by its owner only, as ssh demands of private keys.
// Errors name the file, never its content.
func KeyFromFile(path string) KeySource { return fileKey{path: path} }

type fileKey struct{ path string }

func (f fileKey) UpstreamKey(context.Context) (string, error) {
	file, err := os.Open(f.path)
	if err != nil {
		return "", apperr.Text(CodeKeyFile, "gateway.key_file_open",
			fmt.Sprintf("The upstream key file %s cannot be read: %v.", f.path, pathErr(err)),
			fmt.Sprintf("无法读取上游密钥文件 %s：%v。", f.path, pathErr(err)))
	}
	defer file.Close()
	fi, err := file.Stat()
	if err != nil {
		return "", fmt.Errorf("upstream key file %s: %w", f.path, err)
	}
	if !fi.Mode().IsRegular() {
		return "", apperr.Text(CodeKeyFile, "gateway.key_file_kind",
			fmt.Sprintf("The upstream key file %s is not a regular file.", f.path),
			fmt.Sprintf("上游密钥文件 %s 不是普通文件。", f.path))
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return "", apperr.Text(CodeKeyFile, "gateway.key_file_mode",
			fmt.Sprintf("The upstream key file %s is accessible by others (mode %04o): it must be readable by its owner only. Run: chmod 600 %s", f.path, perm, f.path),
			fmt.Sprintf("上游密钥文件 %s 可被他人访问（权限 %04o）：只能允许其所有者读取。请运行：chmod 600 %s", f.path, perm, f.path))
	}
	b, err := io.ReadAll(io.LimitReader(file, maxKeyFile+1))
	if err != nil {
		return "", fmt.Errorf("read the upstream key file %s: %w", f.path, pathErr(err))
	}
	key := strings.TrimSpace(string(b))
	switch {
	case len(b) > maxKeyFile || strings.ContainsAny(key, " \t\r\n"):
		return "", apperr.Text(CodeKeyFile, "gateway.key_file_content",
			fmt.Sprintf("The upstream key file %s must hold one API key and nothing else.", f.path),
			fmt.Sprintf("上游密钥文件 %s 只能包含一个 API 密钥。", f.path))
	case key == "":
		return "", apperr.Text(CodeKeyFile, "gateway.key_file_empty",
			fmt.Sprintf("The upstream key file %s is empty.", f.path),
			fmt.Sprintf("上游密钥文件 %s 是空的。", f.path))
	}
	return key, nil
}

// pathErr drops the path an *os.PathError repeats, as the message names it.
func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
