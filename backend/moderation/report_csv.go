package moderation

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// writeReportCSV writes one row per item: index, input, image, flagged,
// error, then each category's flag and score. A category the model does
// not report, or an item with no answer, has empty cells.
func writeReportCSV(w io.Writer, rep RunReport) error {
	header := []string{"index", "input", "image", "flagged", "error"}
	for _, c := range Categories() {
		header = append(header, c, c+" score")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	err := rep.EachItem(func(it ReportItem) error {
		rec := []string{strconv.Itoa(it.Index), csvSafe(it.Input), csvSafe(it.Image), boolCell(it.Error == "", it.Flagged), it.Error}
		for _, c := range Categories() {
			flag, score := "", ""
			if f := it.Categories[c]; f != nil {
				flag = strconv.FormatBool(*f)
			}
			if s := it.Scores[c]; s != nil {
				score = strconv.FormatFloat(*s, 'g', -1, 64)
			}
			rec = append(rec, flag, score)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// boolCell is v, or empty when there is no answer to judge.
func boolCell(answered, v bool) string {
	if !answered {
		return ""
	}
	return strconv.FormatBool(v)
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: prompts
// are outside input, and may start with =, +, - or @.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
