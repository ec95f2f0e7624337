package app

import (
	"os/user"
	"strings"
)

// actor is who the checklist's audit trail names for people's changes: the
// front and the OS user's name ("app:alice"), or the front alone when the
// name cannot be read. getenv is the fallback for systems without a user
// database entry (containers).
func actor(source string, getenv func(string) string) string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = getenv("USER")
	}
	if name == "" {
		name = getenv("USERNAME")
	}
	// A Windows name is DOMAIN\user; the user is enough. ':' separates the front.
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSpace(strings.ReplaceAll(name, ":", ""))
	if source == "" {
		source = "app"
	}
	if name == "" {
		return source
	}
	return source + ":" + name
}
