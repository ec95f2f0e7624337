package settings

import (
	"os"
	"strings"
)

// Match maps an OS locale such as "zh_CN.UTF-8", "zh-Hans-CN" or "en-GB"
// onto one of the app's languages; Chinese locales give zh-CN.
func Match(locale string) string {
	l := strings.ToLower(locale)
	if strings.HasPrefix(l, "zh") {
		return LangZh
	}
	return LangEn
}

// SystemLocale reads the user's locale from the environment (LC_ALL,
// LC_MESSAGES, LANG, LANGUAGE), then from the OS where it has its own setting.
func SystemLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if v := os.Getenv(k); v != "" && v != "C" && v != "POSIX" && !strings.HasPrefix(v, "C.") {
			return v
		}
	}
	return osLocale()
}
