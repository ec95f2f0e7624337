package keys

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
	ss "github.com/zalando/go-keyring/secret_service"

	"steward/backend/apperr"
)

func TestCheckKeychain(t *testing.T) {
	t.Run("ErrUnavailable_NoSessionBus", func(t *testing.T) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
		err := CheckKeychain()
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("err = %v; want ErrUnavailable", err)
		}
		code, msg := apperr.Describe(err, "en")
		if code != CodeVaultUnavailable || !strings.Contains(msg, "D-Bus") || !strings.Contains(msg, "gnome-keyring") {
			t.Fatalf("Describe = %s %q", code, msg)
		}
		if _, zh := apperr.Describe(err, "zh-CN"); !strings.Contains(zh, "D-Bus 会话") {
			t.Fatalf("zh-CN = %q", zh)
		}
	})
	t.Run("OK_Unlocked", func(t *testing.T) {
		keychainOrSkip(t) // passes Check or skips
	})
	t.Run("ErrUnavailable_Locked", func(t *testing.T) {
		keychainOrSkip(t)
		conn, err := dbus.SessionBus()
		if err != nil {
			t.Fatal(err)
		}
		var locked []dbus.ObjectPath
		var prompt dbus.ObjectPath
		if err := conn.Object(ssName, ssPath).Call("org.freedesktop.Secret.Service.Lock", 0,
			[]dbus.ObjectPath{ssLogin}).Store(&locked, &prompt); err != nil || len(locked) != 1 {
			t.Skipf("cannot lock this keychain's login collection: %v", err)
		}
		t.Cleanup(func() { unlockTestKeyring(t, conn) })
		err = CheckKeychain()
		if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "locked") {
			t.Fatalf("err = %v; want ErrUnavailable saying locked", err)
		}
	})
}

// unlockTestKeyring unlocks scripts/with-keyring.sh's gnome-keyring again
// with its known test password.
func unlockTestKeyring(t *testing.T, conn *dbus.Conn) {
	svc, err := ss.NewSecretService()
	if err != nil {
		t.Fatal(err)
	}
	sess, err := svc.OpenSession()
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close(sess)
	err = conn.Object(ssName, ssPath).Call("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface.UnlockWithMasterPassword", 0,
		dbus.ObjectPath(ssLogin), ss.NewSecret(sess.Path(), "steward-test")).Err
	if err != nil || CheckKeychain() != nil {
		t.Fatalf("could not unlock the test keyring again: %v", err)
	}
}

func TestClassifyKeychainErr(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"ErrNoService", dbus.Error{Name: "org.freedesktop.DBus.Error.ServiceUnknown"}, "No Secret Service"},
		{"ErrLocked", dbus.Error{Name: "org.freedesktop.Secret.Error.IsLocked"}, "locked"},
		{"ErrDenied", dbus.Error{Name: "org.freedesktop.DBus.Error.AccessDenied"}, "denied"},
		{"ErrUnlockFailed", errors.New("failed to unlock correct collection '/x'"), "locked"},
		{"ErrNoBus", errors.New("dbus: couldn't determine address of session bus"), "D-Bus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := classifyKeychainErr(tt.err)
			if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v; want ErrUnavailable mentioning %q", err, tt.want)
			}
		})
	}
}
