// Command bindgen writes backend/app/gui/bindings_gen.go: the window's
// bindings over the application layer (see package gen).
package main

import (
	"fmt"
	"os"

	"steward/backend/app/gui/gen"
)

func main() {
	src, err := gen.Source()
	if err == nil {
		err = os.WriteFile("bindings_gen.go", src, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bindgen: %v\n", err)
		os.Exit(1)
	}
}
