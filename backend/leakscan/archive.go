package leakscan

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// zipSuffixes name the zip-based formats opened one level deep: app
// bundles (a key in a mobile or desktop app is what KH-04 is about) and
// office documents.
var zipSuffixes = []string{".zip", ".jar", ".war", ".aar", ".apk", ".ipa", ".docx", ".xlsx", ".pptx", ".odt", ".ods"}

// tarSuffixes name the tar formats opened one level deep.
var tarSuffixes = []string{".tar", ".tar.gz", ".tgz"}

// archiveKind is "zip", "tar", "tgz" or "" for a file that is no archive.
func archiveKind(name string) string {
	n := strings.ToLower(name)
	for _, s := range zipSuffixes {
		if strings.HasSuffix(n, s) {
			return "zip"
		}
	}
	switch {
	case strings.HasSuffix(n, ".tar"):
		return "tar"
	case strings.HasSuffix(n, ".tar.gz"), strings.HasSuffix(n, ".tgz"):
		return "tgz"
	}
	return ""
}

func isArchive(name string) bool { return archiveKind(name) != "" }

// ArchiveSeparator joins an archive's path and the path of a file inside
// it in findings: "app.apk!assets/config.json".
const ArchiveSeparator = "!"

// scanArchive scans each file inside the archive at j, one level deep. An
// archive that cannot be opened is scanned as a plain file and listed as
// skipped, so nothing is passed over without a word.
func scanArchive(ctx context.Context, s *streamScanner, j fileJob, c *collector) {
	f, err := os.Open(j.abs)
	if err != nil {
		c.skip(Skipped{Root: j.root, File: j.rel, Reason: "not readable: " + reason(err)})
		return
	}
	defer f.Close()
	switch archiveKind(j.rel) {
	case "zip":
		var fi os.FileInfo
		if fi, err = f.Stat(); err == nil {
			err = scanZip(ctx, s, f, fi.Size(), j, c)
		}
	case "tar":
		err = scanTar(ctx, s, f, j, c)
	default:
		var gz *gzip.Reader
		if gz, err = gzip.NewReader(f); err == nil {
			err = scanTar(ctx, s, gz, j, c)
		}
	}
	if err == nil || ctx.Err() != nil {
		return
	}
	if errors.Is(err, errArchivePartial) {
		c.skip(Skipped{Root: j.root, File: j.rel, Reason: err.Error()})
		return
	}
	c.skip(Skipped{Root: j.root, File: j.rel, Reason: "not a readable archive (" + err.Error() + "); scanned as a plain file"})
	if _, serr := f.Seek(0, io.SeekStart); serr == nil {
		scanEntry(ctx, s, f, j, "", -1, c)
	}
}

// errArchivePartial marks an archive whose first entries were read.
var errArchivePartial = errors.New("archive read failed part way")

func scanZip(ctx context.Context, s *streamScanner, f io.ReaderAt, size int64, j fileJob, c *collector) error {
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return err
	}
	for _, zf := range zr.File {
		if ctx.Err() != nil {
			return nil
		}
		if zf.FileInfo().IsDir() {
			continue
		}
		inner := j.rel + ArchiveSeparator + zf.Name
		if zf.Flags&0x1 != 0 {
			c.skip(Skipped{Root: j.root, File: inner, Reason: "encrypted inside the archive"})
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			c.skip(Skipped{Root: j.root, File: inner, Reason: "not readable inside the archive: " + err.Error()})
			continue
		}
		scanEntry(ctx, s, rc, j, zf.Name, int64(zf.UncompressedSize64), c)
		rc.Close()
	}
	return nil
}

func scanTar(ctx context.Context, s *streamScanner, r io.Reader, j fileJob, c *collector) error {
	tr := tar.NewReader(r)
	for n := 0; ; n++ {
		if ctx.Err() != nil {
			return nil
		}
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if n == 0 {
				return err
			}
			return fmt.Errorf("%w after %d entries: %s", errArchivePartial, n, err.Error())
		}
		if h.Typeflag != tar.TypeReg && h.Typeflag != tar.TypeRegA {
			continue
		}
		scanEntry(ctx, s, tr, j, h.Name, h.Size, c)
	}
}

// scanEntry scans one file inside an archive (or, with an empty name, the
// archive itself) and records its hits as "archive!name". size is -1 when
// unknown.
func scanEntry(ctx context.Context, s *streamScanner, r io.Reader, j fileJob, name string, size int64, c *collector) {
	rel := j.rel
	if name != "" {
		rel = j.rel + ArchiveSeparator + name
	}
	if c.maxFileSize > 0 && size > c.maxFileSize {
		c.skip(Skipped{Root: j.root, File: rel, Reason: tooLarge(size, c.maxFileSize)})
		return
	}
	if name != "" && isArchive(name) {
		c.skip(Skipped{Root: j.root, File: rel, Reason: "an archive inside an archive: its files were not opened (archives are opened one level deep); its bytes were scanned as they are"})
	}
	out, err := s.scan(ctx, r, rel)
	if out.binary {
		c.binary.Add(1)
	}
	c.files.Add(1)
	c.bytes.Add(out.bytes)
	c.addHits(j.root, rel, commitInfo{}, out.hits)
	if err != nil && ctx.Err() == nil {
		c.skip(Skipped{Root: j.root, File: rel, Reason: "read failed part way: " + err.Error()})
	}
}

// tooLarge says why a file over the --max-file-size cap was not scanned.
func tooLarge(size, limit int64) string {
	return fmt.Sprintf("larger than --max-file-size (%d bytes, the cap is %d bytes)", size, limit)
}
