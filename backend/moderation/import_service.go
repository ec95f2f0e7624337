package moderation

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"steward/backend/apperr"
)

// ImportFile adds the prompts in the file at path to a suite. Rows that
// cannot be read are listed and skipped; if the file cannot be read at
// all, nothing is added and the suite is left as it was. The file is
// streamed into the database, so its size does not bound memory.
func (s *Service) ImportFile(suiteID int64, path string, opts ImportOptions) (ImportResult, error) {
	if _, err := s.Suite(suiteID); err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{SuiteID: suiteID}
	err := s.write("import "+filepath.Base(path), func(tx *sql.Tx) error {
		if err := s.touchSuite(tx, suiteID); err != nil {
			return err
		}
		return importInto(tx, suiteID, path, opts, &res)
	})
	if err != nil {
		return ImportResult{}, unwrapImport(err)
	}
	return res, nil
}

// ImportNewSuite creates a suite from the file at path. An empty name
// takes the file's name (made unique); a name in use is refused. If the
// file cannot be read, no suite is created.
func (s *Service) ImportNewSuite(name, path string, opts ImportOptions) (ImportResult, error) {
	f, err := openImport(path)
	if err != nil {
		return ImportResult{}, err
	}
	f.Close()
	var res ImportResult
	err = s.write("import "+filepath.Base(path), func(tx *sql.Tx) error {
		n := strings.TrimSpace(name)
		if n == "" {
			unique, err := uniqueName(tx, suiteNameOf(path))
			if err != nil {
				return err
			}
			n = unique
		}
		id, err := s.insertSuite(tx, n)
		if err != nil {
			return err
		}
		res.SuiteID = id
		return importInto(tx, id, path, opts, &res)
	})
	if err != nil {
		return ImportResult{}, unwrapImport(err)
	}
	return res, nil
}

// importInto streams the file at path into the suite inside tx.
func importInto(tx *sql.Tx, suiteID int64, path string, opts ImportOptions, res *ImportResult) error {
	f, err := openImport(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if opts.BaseDir == "" {
		opts.BaseDir = filepath.Dir(path)
	}
	ins, err := newItemInserter(tx, suiteID)
	if err != nil {
		return err
	}
	defer ins.close()
	n, skipped, err := streamImport(f, path, opts, ins.add)
	res.Imported, res.Skipped = n, nonNil(skipped)
	return err
}

// unwrapImport returns the import's own error (a file that cannot be
// read) as it is, without the transaction's wrapping.
func unwrapImport(err error) error {
	var ae *apperr.Error
	if errors.As(err, &ae) && (ae.Code == CodeImportInvalid) {
		return ae
	}
	return err
}

// CSVColumns returns the column names of the CSV file at path, so the
// user can pick the one holding the prompts.
func (s *Service) CSVColumns(path string) ([]string, error) {
	f, err := openImport(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return CSVHeader(f, path)
}

// parseFile opens and parses an import file.
func parseFile(path string, opts ImportOptions) ([]ItemInput, []RowError, error) {
	f, err := openImport(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if opts.BaseDir == "" {
		opts.BaseDir = filepath.Dir(path)
	}
	return ParseImport(f, path, opts)
}

// openImport opens an import file, explaining a failure to the user.
func openImport(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		e := apperr.Text(CodeImportInvalid, "moderation.import",
			fmt.Sprintf("The file %s cannot be opened.", path),
			fmt.Sprintf("无法打开文件 %s。", path))
		e.Err = err
		return nil, e
	}
	return f, nil
}

// suiteNameOf is a file's name without its extensions, as a suite name.
func suiteNameOf(path string) string {
	base := filepath.Base(path)
	for _, ext := range []string{".gz", ".jsonl", ".ndjson", ".json", ".csv", ".txt"} {
		base = strings.TrimSuffix(base, ext)
	}
	if strings.TrimSpace(base) == "" {
		return "Imported"
	}
	return base
}

// uniqueName returns name, or name (2), name (3)… if it is taken.
func uniqueName(tx *sql.Tx, name string) (string, error) {
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s (%d)", name, i)
		}
		var count int
		if err := tx.QueryRow(`SELECT count(*) FROM moderation_suites WHERE name = ?`, n).Scan(&count); err != nil {
			return "", err
		}
		if count == 0 {
			return n, nil
		}
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
