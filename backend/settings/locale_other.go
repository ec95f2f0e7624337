//go:build !windows && !darwin

package settings

// osLocale has no source beyond the environment on Linux and BSD.
func osLocale() string { return "" }
