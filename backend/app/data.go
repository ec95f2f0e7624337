package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"steward/backend/apperr"
	"steward/backend/settings"
	"steward/backend/store"
)

// Data is the data folder itself: where things are, and backups.
type Data struct{ c *core }

// DataInfo says where this installation keeps its data and which catalogue it ships.
type DataInfo struct {
	DataDir          string `json:"data_dir"`
	DatabasePath     string `json:"database_path"`
	LogPath          string `json:"log_path"`
	CatalogueVersion string `json:"catalogue_version"`
	CatalogueDate    string `json:"catalogue_date"`
}

// Info returns the data folder's paths and the catalogue's version.
func (d *Data) Info(context.Context) (DataInfo, error) {
	cat := d.c.checklist.Catalogue()
	return DataInfo{DataDir: d.c.dir, DatabasePath: d.c.store.Path(), LogPath: d.c.log.Path(),
		CatalogueVersion: cat.Version, CatalogueDate: cat.Date}, nil
}

// Backup writes a consistent copy of the database to path and returns path.
func (d *Data) Backup(ctx context.Context, path string) (string, error) {
	if err := d.c.store.Backup(ctx, path); err != nil {
		return "", err
	}
	d.c.log.Info("database backed up")
	return path, nil
}

// CodeDataUnavailable marks every call made while the data folder could not
// be opened: nothing works until the problem named in the message is fixed.
const CodeDataUnavailable apperr.Code = "data_unavailable"

// Unavailable is the error every service returns when the data folder could
// not be opened; it names the problem in the user's language.
func Unavailable(openErr error) error {
	en, zh := Describe(openErr, "en").Message, Describe(openErr, "zh-CN").Message
	e := apperr.Text(CodeDataUnavailable, "app.open",
		"Steward could not open its data folder, so this cannot work until that is fixed: "+en,
		"Steward 无法打开数据目录，修复之前此功能无法使用："+zh)
	e.Err = openErr
	return e
}

// DataDir is the data folder a front would open: flag, else
// STEWARD_DATA_DIR, else the default under the user's config folder.
func DataDir(flag string, getenv func(string) string) (string, error) {
	return store.DefaultDir(flag, getenv)
}

// SystemLanguage is the user's language before settings can be read.
func SystemLanguage() string { return settings.Match(settings.SystemLocale()) }

// OpenInFileManager shows a file's folder (or a folder) in the system file manager.
func (d *Data) OpenInFileManager(_ context.Context, path string) error {
	dir := path
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	name := map[string]string{"windows": "explorer", "darwin": "open"}[runtime.GOOS]
	if name == "" {
		name = "xdg-open"
	}
	cmd := exec.Command(name, dir)
	if err := cmd.Start(); err != nil {
		return apperr.Text(apperr.Internal, "app.open_folder", "Couldn't open the file manager: "+err.Error(), "无法打开文件管理器："+err.Error())
	}
	go cmd.Wait()
	return nil
}

// FileName keeps a name (a workspace's, say) usable in a file name.
func FileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) {
			return '-'
		}
		return r
	}, s)
}
