//go:build unix && !linux

package pgtest

import "syscall"

func pdeathsig() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
