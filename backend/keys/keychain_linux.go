package keys

import (
	"errors"
	"strings"

	"github.com/godbus/dbus/v5"
)

// Secret Service names (freedesktop.org Secret Service API).
const (
	ssName        = "org.freedesktop.secrets"
	ssPath        = "/org/freedesktop/secrets"
	ssCollections = "org.freedesktop.Secret.Service.Collections"
	ssLocked      = "org.freedesktop.Secret.Collection.Locked"
	ssLogin       = "/org/freedesktop/secrets/collection/login"
	ssDefault     = "/org/freedesktop/secrets/aliases/default"
)

// probeKeychain checks, without any prompt, that a session bus is reachable,
// a Secret Service answers on it and its login collection is unlocked.
func probeKeychain() error {
	var out error
	err := callKeychain(keychainProbeTimeout, func() error {
		out = probeSecretService()
		return nil
	})
	if err != nil {
		return err
	}
	return out
}

func probeSecretService() error {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return unavailable("There is no D-Bus session, so no Secret Service can be reached.",
			"没有 D-Bus 会话，无法连接 Secret Service。", err)
	}
	defer conn.Close()
	if err := conn.Auth(nil); err != nil {
		return unavailable("The D-Bus session refused the connection.", "D-Bus 会话拒绝了连接。", err)
	}
	if err := conn.Hello(); err != nil {
		return unavailable("The D-Bus session refused the connection.", "D-Bus 会话拒绝了连接。", err)
	}
	v, err := conn.Object(ssName, ssPath).GetProperty(ssCollections)
	if err != nil {
		return classifyKeychainErr(err)
	}
	paths, _ := v.Value().([]dbus.ObjectPath)
	collection := dbus.ObjectPath(ssDefault)
	for _, p := range paths {
		if p == ssLogin {
			collection = p
		}
	}
	locked, err := conn.Object(ssName, collection).GetProperty(ssLocked)
	if err != nil {
		return unavailable("The Secret Service has no default keyring yet; create one in your keyring app.",
			"Secret Service 中还没有默认密钥环，请在密钥环应用中创建一个。", err)
	}
	if b, _ := locked.Value().(bool); b {
		return unavailable("The keychain is locked.", "钥匙串已锁定。", nil)
	}
	return nil
}

// classifyKeychainErr turns a Secret Service failure into ErrUnavailable
// with the reason, keeping the D-Bus error as the cause.
func classifyKeychainErr(err error) error {
	var de dbus.Error
	if errors.As(err, &de) {
		switch {
		case de.Name == "org.freedesktop.DBus.Error.ServiceUnknown",
			de.Name == "org.freedesktop.DBus.Error.NameHasNoOwner",
			de.Name == "org.freedesktop.DBus.Error.Spawn.ChildExited",
			strings.HasPrefix(de.Name, "org.freedesktop.DBus.Error.Spawn"):
			return unavailable("No Secret Service is running.", "没有正在运行的 Secret Service。", err)
		case de.Name == "org.freedesktop.Secret.Error.IsLocked":
			return unavailable("The keychain is locked.", "钥匙串已锁定。", err)
		case de.Name == "org.freedesktop.DBus.Error.AccessDenied",
			de.Name == "org.freedesktop.DBus.Error.AuthFailed":
			return unavailable("The keychain denied Steward access.", "钥匙串拒绝了 Steward 的访问。", err)
		}
		return unavailable("The keychain reported an error.", "钥匙串报告了错误。", err)
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "failed to unlock"):
		return unavailable("The keychain is locked and was not unlocked.", "钥匙串已锁定且未被解锁。", err)
	case strings.HasPrefix(msg, "dbus:"):
		return unavailable("There is no D-Bus session, so no Secret Service can be reached.",
			"没有 D-Bus 会话，无法连接 Secret Service。", err)
	}
	return unavailable("The keychain could not be used.", "无法使用钥匙串。", err)
}
