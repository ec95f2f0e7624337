//go:build unix

package pgtest

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// account is the user the server runs as when the tests run as root
// (PostgreSQL refuses to run as root): Debian's postgres user.
type account struct{ uid, gid uint32 }

// serverAccount is nil unless this process is root.
func serverAccount() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, PostgreSQL needs the non-root user postgres (created by `apt-get install postgresql`): %w", err)
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	return &account{uid: uint32(uid), gid: uint32(gid)}, nil
}

// own gives the paths to the account.
func (a *account) own(paths ...string) error {
	if a == nil {
		return nil
	}
	for _, p := range paths {
		if err := os.Chown(p, int(a.uid), int(a.gid)); err != nil {
			return err
		}
	}
	return nil
}

// procAttr runs a child as the account; the server gets SIGQUIT
// (immediate shutdown) if the test binary dies without stopping it.
func (a *account) procAttr() *syscall.SysProcAttr {
	attr := pdeathsig()
	if a != nil {
		attr.Credential = &syscall.Credential{Uid: a.uid, Gid: a.gid, NoSetGroups: true}
	}
	return attr
}
