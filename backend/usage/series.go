package usage

import "time"

// Series is usage per time bucket, for charts: every bucket of the period
// is present, empty ones with zeros.
type Series struct {
	Bucket string  `json:"bucket"` // BucketDay or BucketHour
	Points []Point `json:"points"`
}

// Point is one bucket's usage. Tokens is input plus output tokens.
type Point struct {
	Start        time.Time `json:"start"`
	Requests     int64     `json:"requests"`
	InputTokens  int64     `json:"input_tokens"`
	OutputTokens int64     `json:"output_tokens"`
	Tokens       int64     `json:"tokens"`
	CostUSD      float64   `json:"cost_usd"`
	Errors       int64     `json:"errors"`
	RateLimited  int64     `json:"rate_limited"` // HTTP 429
}

// fillSeries lays sums (keyed by bucket start) over every bucket of q.
func fillSeries(q SeriesQuery, sums map[int64]Totals) Series {
	step := bucketWidth(q.Bucket)
	s := Series{Bucket: q.Bucket, Points: []Point{}}
	for t := q.Since.Truncate(step); t.Before(q.Until); t = t.Add(step) {
		v := sums[t.Unix()]
		s.Points = append(s.Points, Point{
			Start: t, Requests: v.Requests, InputTokens: v.InputTokens, OutputTokens: v.OutputTokens,
			Tokens: v.InputTokens + v.OutputTokens, CostUSD: roundMicro(v.CostUSD), Errors: v.Errors,
			RateLimited: v.RateLimited,
		})
	}
	return s
}
