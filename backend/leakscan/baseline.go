package leakscan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"steward/backend/apperr"
	"steward/backend/textfile"
)

// BaselineFile is the baseline a scan reads from a root when Options gives none.
const BaselineFile = ".steward-baseline.json"

// Baseline is the set of findings a team has accepted (a revoked key in old
// history, a test fixture), by fingerprint: an accepted key is not reported
// again wherever it appears. It holds no secret.
type Baseline struct {
	Version  int             `json:"version"`
	Accepted []BaselineEntry `json:"accepted"`
}

// BaselineEntry is one accepted key with where it was first seen, for people
// reading the file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Redacted    string `json:"redacted"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Commit      string `json:"commit,omitempty"`
}

// Accepts reports whether the baseline accepts the key with fingerprint fp;
// a nil baseline accepts nothing.
func (b *Baseline) Accepts(fp string) bool {
	if b == nil {
		return false
	}
	return slices.ContainsFunc(b.Accepted, func(e BaselineEntry) bool { return e.Fingerprint == fp })
}

// NewBaseline accepts every finding given, once per fingerprint.
func NewBaseline(findings []LeakFinding) *Baseline {
	b := &Baseline{Version: 1, Accepted: []BaselineEntry{}}
	for _, f := range findings {
		if !b.Accepts(f.Fingerprint) {
			b.Accepted = append(b.Accepted, BaselineEntry{Fingerprint: f.Fingerprint, Redacted: f.Redacted,
				Rule: f.Rule, File: f.File, Commit: f.Commit})
		}
	}
	slices.SortFunc(b.Accepted, func(x, y BaselineEntry) int {
		if x.Fingerprint < y.Fingerprint {
			return -1
		}
		if x.Fingerprint > y.Fingerprint {
			return 1
		}
		return 0
	})
	return b
}

// WriteBaseline writes a baseline accepting findings to path, replacing it
// atomically.
func WriteBaseline(path string, findings []LeakFinding) error {
	data, err := json.MarshalIndent(NewBaseline(findings), "", "  ")
	if err != nil {
		return fmt.Errorf("encode baseline: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".steward-baseline-*")
	if err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	return nil
}

// maxBaselineBytes bounds a baseline file: a fingerprint line is ~100 bytes.
const maxBaselineBytes = 16 << 20

// ReadBaseline reads the baseline at path.
func ReadBaseline(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	defer f.Close()
	data, err := textfile.Read(f, maxBaselineBytes)
	if te, ok := textfile.As(err); ok {
		e := apperr.Text(CodeBaselineInvalid, "leakscan.baseline",
			fmt.Sprintf("The baseline %s cannot be read (line %d): %s.", path, max(te.Line, 1), te.Why),
			fmt.Sprintf("无法读取基线文件 %s（第 %d 行）：%s。", path, max(te.Line, 1), te.WhyZh))
		e.Err = err
		return nil, e
	}
	if err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil || b.Version != 1 {
		if err == nil {
			err = fmt.Errorf("version %d, want 1", b.Version)
		}
		e := apperr.Text(CodeBaselineInvalid, "leakscan.baseline",
			fmt.Sprintf("The baseline %s is not a Steward baseline file: fix it, or delete it and write a new one.", path),
			fmt.Sprintf("基线文件 %s 不是有效的 Steward 基线文件：请修正，或删除后重新生成。", path))
		e.Err = err
		return nil, e
	}
	return &b, nil
}

// ReadBaselineIfPresent is ReadBaseline, or nil when there is no file at path.
func ReadBaselineIfPresent(path string) (*Baseline, error) {
	b, err := ReadBaseline(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}
