//go:build !unix

package pgtest

import (
	"os"
	"syscall"
)

// account is unused where there is no root to step down from.
type account struct{}

func serverAccount() (*account, error)            { return nil, nil }
func (a *account) own(...string) error            { return nil }
func (a *account) procAttr() *syscall.SysProcAttr { return nil }

func lockOwner(string) (*os.File, error) { return nil, nil }
func sweep()                             {}
