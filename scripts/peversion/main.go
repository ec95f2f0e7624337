// Command peversion prints the version resource of a Windows executable (the
// app or its installer) and, with -want, fails unless ProductVersion and the
// fixed file version match it. It lets Linux CI check a cross-built installer.
//
//	go run ./scripts/peversion -want 0.1.0 build/dist/Steward-amd64-installer.exe
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	want := flag.String("want", "", "fail unless the product and file versions are this version (X.Y.Z)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: peversion [-want X.Y.Z] FILE.exe")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *want); err != nil {
		fmt.Fprintf(os.Stderr, "peversion: %v\n", err)
		os.Exit(1)
	}
}

func run(path, want string) error {
	info, err := ReadFile(path)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(info.Strings))
	for k := range info.Strings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("%s\nFixedFileVersion=%s\nFixedProductVersion=%s\n", path, info.FileVersion, info.ProductVersion)
	for _, k := range keys {
		fmt.Printf("%s=%s\n", k, info.Strings[k])
	}
	if want == "" {
		return nil
	}
	return info.Check(want)
}

// Check fails unless the fixed versions start with want and the
// ProductVersion string is want.
func (v VersionInfo) Check(want string) error {
	var bad []string
	if got := v.Strings["ProductVersion"]; got != want {
		bad = append(bad, fmt.Sprintf("ProductVersion is %q", got))
	}
	for name, got := range map[string]string{"fixed file version": v.FileVersion, "fixed product version": v.ProductVersion} {
		if got != want && !strings.HasPrefix(got, want+".") {
			bad = append(bad, fmt.Sprintf("%s is %s", name, got))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("want version %s: %s", want, strings.Join(bad, "; "))
	}
	return nil
}
