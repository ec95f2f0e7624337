//go:build !linux

package keys

// probeKeychain has nothing to check beyond the probe read on this system:
// macOS Keychain and Windows Credential Manager are always present.
func probeKeychain() error { return nil }

// classifyKeychainErr turns a keychain failure into ErrUnavailable, keeping
// the system's error as the cause.
func classifyKeychainErr(err error) error {
	return unavailable("The keychain could not be used.", "无法使用钥匙串。", err)
}
