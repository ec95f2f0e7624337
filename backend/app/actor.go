package app

import (
	"os/user"
	"strings"
)

// actor is who the checklist's audit trail names for people's changes when
// no one is chosen in Settings: the front and the OS user's name
// ("app:alice"), or the front alone when the name cannot be read.
func actor(source string, getenv func(string) string) string {
	return actorName(source, osUser(getenv))
}

// actorName joins the front ("app" when empty) and a person's name.
func actorName(source, name string) string {
	if source == "" {
		source = "app"
	}
	if name == "" {
		return source
	}
	return source + ":" + name
}

// osUser is the OS user's name, without a Windows domain or ':'; getenv is
// the fallback for systems without a user database entry (containers).
func osUser(getenv func(string) string) string {
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
	return strings.TrimSpace(strings.ReplaceAll(name, ":", ""))
}
