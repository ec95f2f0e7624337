// Package auditbundle writes the audit bundle, one zip an auditor can take
// away: the checklist, every check's evidence, leak scans, the key register
// summary, the organization, moderation reports, usage, the privacy draft,
// and a manifest of SHA-256 hashes that Verify checks.
package auditbundle

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"steward/backend/apperr"
)

// ManifestName is the manifest's path inside the bundle.
const ManifestName = "manifest.json"

// Manifest lists every file of a bundle with its hash.
type Manifest struct {
	GeneratedAt string         `json:"generated_at"` // RFC 3339, UTC
	Version     string         `json:"steward_version"`
	Workspace   string         `json:"workspace"`
	Lang        string         `json:"lang"`
	Since       string         `json:"since"` // YYYY-MM-DD: the start of the period reported
	Files       []ManifestFile `json:"files"`
}

// ManifestFile is one file of the bundle.
type ManifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Verification is what Verify found; OK when nothing is missing, extra or changed.
type Verification struct {
	OK       bool     `json:"ok"`
	Files    int      `json:"files"`
	Missing  []string `json:"missing"`
	Extra    []string `json:"extra"`
	Changed  []string `json:"changed"`
	Manifest Manifest `json:"manifest"`
}

// Problem describes a failed verification in lang, naming every file.
func (v Verification) Problem(lang string) string {
	var parts []string
	add := func(en, zh string, files []string) {
		if len(files) == 0 {
			return
		}
		if lang == "zh-CN" {
			parts = append(parts, zh+"："+strings.Join(files, "、"))
		} else {
			parts = append(parts, en+": "+strings.Join(files, ", "))
		}
	}
	add("missing", "缺少", v.Missing)
	add("not in the manifest", "清单中没有", v.Extra)
	add("changed", "已被修改", v.Changed)
	return strings.Join(parts, "; ")
}

// Verify checks a bundle against its manifest.
func Verify(r io.ReaderAt, size int64) (Verification, error) {
	const op = "audit.verify"
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Verification{}, apperr.Text(apperr.Invalid, op, "This is not a readable zip file: "+err.Error(),
			"这不是可读取的 zip 文件："+err.Error())
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue // folders carry no content; re-zipping a bundle adds them
		}
		files[f.Name] = f
	}
	mf, ok := files[ManifestName]
	if !ok {
		return Verification{}, apperr.Text(apperr.Invalid, op, "The bundle has no manifest.json.", "该文件没有 manifest.json。")
	}
	var m Manifest
	if err := readJSON(mf, &m); err != nil {
		return Verification{}, apperr.Text(apperr.Invalid, op, "manifest.json cannot be read: "+err.Error(),
			"无法读取 manifest.json："+err.Error())
	}
	v := Verification{Manifest: m, Files: len(m.Files), Missing: []string{}, Extra: []string{}, Changed: []string{}}
	listed := map[string]bool{ManifestName: true}
	for _, want := range m.Files {
		listed[want.Path] = true
		f, ok := files[want.Path]
		if !ok {
			v.Missing = append(v.Missing, want.Path)
			continue
		}
		sum, n, err := hashZipFile(f)
		if err != nil || sum != want.SHA256 || n != want.Bytes {
			v.Changed = append(v.Changed, want.Path)
		}
	}
	for name := range files {
		if !listed[name] {
			v.Extra = append(v.Extra, name)
		}
	}
	slices.Sort(v.Extra)
	v.OK = len(v.Missing)+len(v.Extra)+len(v.Changed) == 0
	return v, nil
}

func readJSON(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return json.NewDecoder(rc).Decode(v)
}

func hashZipFile(f *zip.File) (string, int64, error) {
	rc, err := f.Open()
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	if err != nil {
		return "", n, fmt.Errorf("read %s: %w", f.Name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
