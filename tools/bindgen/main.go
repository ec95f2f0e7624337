// Command bindgen writes package gui's generated files (bind_gen.go and one
// <service>_gen.go per service): the window's bindings over the application
// layer (see package gen). Generated files no longer produced are removed.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"steward/backend/app/gui/gen"
)

func main() {
	if err := write(); err != nil {
		fmt.Fprintf(os.Stderr, "bindgen: %v\n", err)
		os.Exit(1)
	}
}

func write() error {
	files, err := gen.Files()
	if err != nil {
		return err
	}
	old, err := filepath.Glob("*_gen.go")
	if err != nil {
		return err
	}
	for _, name := range old {
		if _, keep := files[name]; !keep {
			if err := os.Remove(name); err != nil {
				return err
			}
		}
	}
	for name, src := range files {
		if err := os.WriteFile(name, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
