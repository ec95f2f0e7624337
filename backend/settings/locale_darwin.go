//go:build darwin

package settings

import (
	"os/exec"
	"strings"
)

// osLocale asks macOS for the user's locale: GUI apps get no LANG.
func osLocale() string {
	out, err := exec.Command("defaults", "read", "-g", "AppleLocale").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
