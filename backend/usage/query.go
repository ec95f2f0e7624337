package usage

import (
	"slices"
	"time"
)

// Groupings of a report.
const (
	ByDay      = "day"
	ByMember   = "member"
	ByModel    = "model"
	ByEndpoint = "endpoint"
	ByKey      = "key" // the key's fingerprint; Label names it when known
	BySource   = "source"
	ByProvider = "provider" // the provider that answered a gateway call; "" for the app's own calls
)

// Groupings lists what a report can be grouped by.
func Groupings() []string {
	return []string{ByDay, ByMember, ByModel, ByEndpoint, ByKey, BySource, ByProvider}
}

// Series buckets.
const (
	BucketDay  = "day"
	BucketHour = "hour"
)

// Query selects a report: calls in [Since, Until), grouped By, from one
// Source or ("") all. A zero Since or Until leaves that end open. Whole UTC
// days are read from the daily rollups (fast, and still there after old
// rows are pruned); any part of a day at either end from the rows.
type Query struct {
	Since  time.Time `json:"since"`
	Until  time.Time `json:"until"`
	By     string    `json:"by"`
	Source string    `json:"source"`
}

// SeriesQuery selects a time series: calls in [Since, Until) counted per
// Bucket, from one Source or ("") all. Day buckets come from the rollups;
// hour buckets from the rows, so they end where pruning began.
type SeriesQuery struct {
	Since  time.Time `json:"since"`
	Until  time.Time `json:"until"`
	Bucket string    `json:"bucket"`
	Source string    `json:"source"`
}

// maxSeriesPoints bounds a series so a chart stays drawable.
const maxSeriesPoints = 24 * 400

// check validates q and fills open ends.
func (q Query) check(op string) (Query, error) {
	if q.By == "" {
		q.By = ByDay
	}
	if !slices.Contains(Groupings(), q.By) {
		return q, errGrouping(op, q.By)
	}
	if err := checkSource(op, q.Source); err != nil {
		return q, err
	}
	q.Since, q.Until = openEnds(q.Since, q.Until)
	if !q.Since.Before(q.Until) {
		return q, errRange(op)
	}
	return q, nil
}

// check validates q, which must have both ends.
func (q SeriesQuery) check(op string) (SeriesQuery, error) {
	if q.Bucket != BucketDay && q.Bucket != BucketHour {
		return q, errBucket(op, q.Bucket)
	}
	if err := checkSource(op, q.Source); err != nil {
		return q, err
	}
	if q.Since.IsZero() || q.Until.IsZero() || !q.Since.Before(q.Until) {
		return q, errRange(op)
	}
	q.Since, q.Until = q.Since.UTC(), q.Until.UTC()
	step := bucketWidth(q.Bucket)
	if n := int(q.Until.Sub(q.Since.Truncate(step)) / step); n > maxSeriesPoints {
		return q, errTooManyBuckets(op, n, maxSeriesPoints)
	}
	return q, nil
}

func checkSource(op, source string) error {
	if source != "" && source != SourceApp && source != SourceGateway {
		return errSource(op, source)
	}
	return nil
}

// openEnds replaces zero ends with the start of the Unix epoch and a day far
// in the future, both whole days.
func openEnds(since, until time.Time) (time.Time, time.Time) {
	if since.IsZero() {
		since = time.Unix(0, 0)
	}
	if until.IsZero() {
		until = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return since.UTC(), until.UTC()
}

func bucketWidth(bucket string) time.Duration {
	if bucket == BucketHour {
		return time.Hour
	}
	return 24 * time.Hour
}

// dayOf is t's UTC day as the rollups name it.
func dayOf(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// startOfDay is midnight UTC of t's day.
func startOfDay(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// dayParts splits [since, until) into the rows-only head before the first
// whole day, the whole days [fromDay, toDay), and the rows-only tail after
// them. When no whole day fits, everything is head.
type dayParts struct {
	headFrom, headTo time.Time // [headFrom, headTo) from rows; empty when equal
	fromDay, toDay   string    // whole days, from rollups; empty when equal
	tailFrom, tailTo time.Time
}

func splitDays(since, until time.Time) dayParts {
	first := startOfDay(since)
	if first.Before(since) {
		first = first.Add(24 * time.Hour)
	}
	last := startOfDay(until)
	if !first.Before(last) {
		return dayParts{headFrom: since, headTo: until}
	}
	return dayParts{
		headFrom: since, headTo: first,
		fromDay: dayOf(first), toDay: dayOf(last),
		tailFrom: last, tailTo: until,
	}
}
