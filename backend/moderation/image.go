package moderation

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"

	"steward/backend/apperr"
)

// MaxImageBytes is the largest image the moderation endpoint accepts.
const MaxImageBytes = 20 << 20

// imageTypes are the image formats the moderation endpoint reads.
func imageTypes() map[string]bool {
	return map[string]bool{"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true}
}

// imageError is a bilingual message about the image at path.
func imageError(op, path, en, zh string, cause error) error {
	e := apperr.Text(CodeImageInvalid, op,
		fmt.Sprintf("The image %s %s", path, en),
		fmt.Sprintf("图片 %s %s", path, zh))
	e.Err = cause
	return e
}

// checkImage makes path absolute and checks that it is an image the
// endpoint accepts: present, at most 20 MB, PNG, JPEG, GIF or WebP by its
// content.
func checkImage(op, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", imageError(op, path, "cannot be found.", "找不到。", err)
	}
	_, _, err = readImage(op, abs, 512)
	return abs, err
}

// imageDataURL reads the image at path into a base64 data URL, as the
// endpoint takes local images.
func imageDataURL(op, path string) (string, error) {
	b, mime, err := readImage(op, path, MaxImageBytes)
	if err != nil {
		return "", err
	}
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(b), nil
}

// readImage reads up to limit bytes of the image at path, checking its
// size and type.
func readImage(op, path string, limit int64) ([]byte, string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", imageError(op, path, "does not exist.", "不存在。", err)
	}
	if err != nil {
		return nil, "", imageError(op, path, "cannot be read.", "无法读取。", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return nil, "", imageError(op, path, "is not a file.", "不是文件。", err)
	}
	if info.Size() > MaxImageBytes {
		return nil, "", imageError(op, path,
			fmt.Sprintf("is %.1f MB; the moderation API takes images up to 20 MB.", float64(info.Size())/(1<<20)),
			fmt.Sprintf("大小为 %.1f MB；审核 API 只接受不超过 20 MB 的图片。", float64(info.Size())/(1<<20)), nil)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, "", imageError(op, path, "cannot be read.", "无法读取。", err)
	}
	mime := http.DetectContentType(b)
	if !imageTypes()[mime] {
		return nil, "", imageError(op, path,
			"is not a PNG, JPEG, GIF or WebP image.", "不是 PNG、JPEG、GIF 或 WebP 格式的图片。", nil)
	}
	return b, mime, nil
}
