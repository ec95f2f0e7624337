//go:build !unix

package leakscan

import (
	"io"
	"os"
)

// openForScan opens path for reading.
func openForScan(path string) (io.ReadCloser, error) { return os.Open(path) }
