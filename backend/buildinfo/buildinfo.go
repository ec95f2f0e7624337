// Package buildinfo says which build of Steward is running: version, commit,
// build date and Go version. The Makefile stamps the first three with
// -ldflags "-X steward/backend/buildinfo.version=..." and so on; a plain
// `go build` falls back to the version-control details Go records itself.
package buildinfo

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Stamped by the linker (-X) and never written at run time.
var (
	version = ""
	commit  = ""
	date    = ""
)

// devVersion is what a build that carries no version at all reports.
const devVersion = "0.1.0-dev"

// Info describes one build of the program.
type Info struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`     // "" when unknown; "+dirty" marks uncommitted changes
	BuildDate string `json:"build_date"` // RFC 3339, UTC; "" when unknown
	GoVersion string `json:"go_version"`
}

// Current is the running program's build information: the linker's stamps
// first, then what debug.ReadBuildInfo knows.
func Current() Info {
	bi, _ := debug.ReadBuildInfo()
	return resolve(stamps{version, commit, date}, bi)
}

// stamps are the values the linker set, empty when it set none.
type stamps struct{ version, commit, date string }

// resolve fills each field from the stamp when there is one, otherwise from
// the build's own record (bi may be nil).
func resolve(s stamps, bi *debug.BuildInfo) Info {
	info := Info{Version: s.version, Commit: s.commit, BuildDate: s.date}
	if bi == nil {
		bi = &debug.BuildInfo{}
	}
	info.GoVersion = bi.GoVersion
	vcs := vcsSettings(bi)
	if info.Commit == "" {
		info.Commit = vcs.revision
		if info.Commit != "" && vcs.modified {
			info.Commit += "+dirty"
		}
	}
	if info.BuildDate == "" {
		info.BuildDate = vcs.time // the commit's time: the best a plain build knows
	}
	if info.Version == "" {
		info.Version = moduleVersion(bi)
	}
	return info
}

type vcsInfo struct {
	revision, time string
	modified       bool
}

func vcsSettings(bi *debug.BuildInfo) vcsInfo {
	var v vcsInfo
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.revision = s.Value
		case "vcs.time":
			v.time = s.Value
		case "vcs.modified":
			v.modified = s.Value == "true"
		}
	}
	return v
}

// moduleVersion is the main module's version without Go's leading "v", or
// devVersion when Go recorded none ("(devel)").
func moduleVersion(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		return devVersion
	}
	return strings.TrimPrefix(v, "v")
}

// String is the multi-line form `steward version` prints.
func (i Info) String() string {
	return fmt.Sprintf("steward %s\ncommit:     %s\nbuilt:      %s\ngo version: %s\n",
		i.Version, orUnknown(i.Commit), orUnknown(i.BuildDate), orUnknown(i.GoVersion))
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
