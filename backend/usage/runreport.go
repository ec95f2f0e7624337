package usage

import (
	"context"
	"io"
	"slices"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/export"
)

// ReportOptions are `steward usage report`'s flags, and the GUI's export
// dialog: strings as typed, checked by RunReport.
type ReportOptions struct {
	Since  string // YYYY-MM-DD (that day's start, UTC) or RFC 3339; default 30 days before Until
	Until  string // YYYY-MM-DD (inclusive: to the end of that day, UTC) or RFC 3339; default today
	By     string // day (default), member, model, endpoint, key or source
	Source string // app, gateway, or "" for both
	Format string // table (default), csv, json or html
	Out    string // file to write (atomically); "" writes to the io.Writer given
	Lang   string // en (default) or zh-CN, for table and html
}

// defaultReportDays is the period a report covers when no start is given.
const defaultReportDays = 30

// RunReport runs a usage report for the CLI: it parses the options, queries,
// and writes the report to opts.Out or, without one, to stdout.
func (s *Service) RunReport(ctx context.Context, opts ReportOptions, stdout io.Writer) error {
	const op = "usage.report"
	if opts.Format == "" {
		opts.Format = FormatTable
	}
	if !slices.Contains(ReportFormats(), opts.Format) {
		return apperr.New(apperr.FormatUnknown, op, "format", opts.Format, "valid", strings.Join(ReportFormats(), ", "))
	}
	if opts.Lang == "" {
		opts.Lang = LangEn
	}
	if opts.Lang != LangEn && opts.Lang != LangZh {
		return apperr.New(apperr.LanguageUnknown, op, "lang", opts.Lang)
	}
	since, until, err := ParseRange(opts.Since, opts.Until, s.now())
	if err != nil {
		return err
	}
	rep, err := s.Report(ctx, Query{Since: since, Until: until, By: opts.By, Source: opts.Source})
	if err != nil {
		return err
	}
	if opts.Out == "" {
		return WriteReport(stdout, rep, opts.Format, opts.Lang)
	}
	err = export.WriteFile(opts.Out, func(w io.Writer) error { return WriteReport(w, rep, opts.Format, opts.Lang) })
	if err != nil {
		return apperr.Wrap(err, apperr.ExportFailed, op, "path", opts.Out)
	}
	return nil
}

// ParseRange reads a report period as people type it: dates are whole UTC
// days, with until inclusive; RFC 3339 times are taken as they are. Without
// until the period ends with today; without since it starts 30 days before
// its end.
func ParseRange(since, until string, now time.Time) (time.Time, time.Time, error) {
	const op = "usage.report"
	end := startOfDay(now).AddDate(0, 0, 1)
	if until = strings.TrimSpace(until); until != "" {
		t, day, err := parseWhen(until)
		if err != nil {
			return time.Time{}, time.Time{}, apperr.New(apperr.DateInvalid, op, "date", until)
		}
		if end = t; day {
			end = t.AddDate(0, 0, 1)
		}
	}
	start := startOfDay(end.Add(-time.Nanosecond)).AddDate(0, 0, 1-defaultReportDays)
	if since = strings.TrimSpace(since); since != "" {
		t, _, err := parseWhen(since)
		if err != nil {
			return time.Time{}, time.Time{}, apperr.New(apperr.DateInvalid, op, "date", since)
		}
		start = t
	}
	if !start.Before(end) {
		return time.Time{}, time.Time{}, errRange(op)
	}
	return start, end, nil
}

// parseWhen reads YYYY-MM-DD (day is true) or an RFC 3339 time.
func parseWhen(s string) (t time.Time, day bool, err error) {
	if t, err = time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	t, err = time.Parse(time.RFC3339, s)
	return t.UTC(), false, err
}
