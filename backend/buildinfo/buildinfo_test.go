package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"
)

func record(settings ...string) *debug.BuildInfo {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "steward", Version: "(devel)"}}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return bi
}

func TestResolve(t *testing.T) {
	vcs := record("vcs.revision", "abc123", "vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "true")
	tests := []struct {
		name string
		s    stamps
		bi   *debug.BuildInfo
		want Info
	}{
		{"StampsWin", stamps{"1.2.3", "deadbeef", "2026-12-07T00:00:00Z"}, vcs,
			Info{"1.2.3", "deadbeef", "2026-12-07T00:00:00Z", "go1.26.8"}},
		{"VCSFallback", stamps{}, vcs,
			Info{devVersion, "abc123+dirty", "2026-12-01T10:00:00Z", "go1.26.8"}},
		{"CleanTree", stamps{version: "2.0.0"}, record("vcs.revision", "abc123", "vcs.modified", "false"),
			Info{"2.0.0", "abc123", "", "go1.26.8"}},
		{"ModuleVersion", stamps{}, &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}},
			Info{"0.3.0", "", "", "go1.26.8"}},
		{"NoRecord", stamps{}, nil, Info{Version: devVersion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolve(tt.s, tt.bi); got != tt.want {
				t.Errorf("resolve = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCurrentHasGoVersion(t *testing.T) {
	if got := Current(); !strings.HasPrefix(got.GoVersion, "go") || got.Version == "" {
		t.Errorf("Current() = %+v, want a Go version and a version", got)
	}
}

func TestStringNamesUnknowns(t *testing.T) {
	got := Info{Version: "1.0.0", GoVersion: "go1.26.8"}.String()
	for _, want := range []string{"steward 1.0.0\n", "commit:     unknown\n", "built:      unknown\n", "go version: go1.26.8\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("String() = %q, missing %q", got, want)
		}
	}
}
