package gateway

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"steward/backend/apperr"
)

// LockFileName is the file in the data folder a running gateway holds
// locked; it says which process holds it and where it listens.
const LockFileName = "gateway.lock"

// CodeAlreadyRunning marks a second gateway started on the same data folder.
const CodeAlreadyRunning apperr.Code = "gateway_already_running"

// InstanceLock is the hold one gateway has on a data folder. The operating
// system releases it when the process ends, however it ends, so a crash
// leaves no stale lock behind.
type InstanceLock struct {
	f *os.File
}

var errLocked = errors.New("locked by another process")

// LockDataDir takes the data folder's gateway lock, or says which gateway
// already holds it. Two gateways on one folder would share the usage log,
// the circuit breakers' view and the end-user blocklist without knowing of
// each other; the second one is refused at start.
func LockDataDir(dir, listen string) (*InstanceLock, error) {
	path := filepath.Join(dir, LockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the gateway lock %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if !errors.Is(err, errLocked) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		who := strings.TrimSpace(string(holder))
		if who == "" {
			who = "another process"
		}
		return nil, apperr.Text(CodeAlreadyRunning, "gateway.start",
			fmt.Sprintf("Another Steward gateway already serves this data folder (%s). Stop it first, "+
				"or give this one its own --data-dir.", who),
			fmt.Sprintf("已有另一个 Steward 网关在使用此数据目录（%s）。请先停止它，或为本网关指定其他 --data-dir。", who))
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(fmt.Sprintf("pid %d, listening on %s\n", os.Getpid(), listen)), 0)
	return &InstanceLock{f: f}, nil
}

// Release lets another gateway start on the folder.
func (l *InstanceLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := unlockFile(l.f)
	return errors.Join(err, l.f.Close())
}
