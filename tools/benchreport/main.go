// Command benchreport times usage reports on a large log: it seeds a
// database with a year of realistic usage (1,000,000 rows by default) and
// times a year's report by day and by member (target: under 100 ms each),
// plus the other groupings and charts for information. Run it through
// scripts/bench-report.sh.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"time"

	"steward/backend/store"
	"steward/backend/usage"
	"steward/tools/usagebench"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "usage rows to seed")
	members := flag.Int("members", 40, "team members")
	dir := flag.String("dir", "", "data directory (default: a temporary one, removed afterwards)")
	reuse := flag.Bool("reuse", false, "time the reports on the database already in -dir without seeding")
	runs := flag.Int("runs", 7, "timed runs per report")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*rows, *members, *dir, *reuse, *runs, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

func run(rows, members int, dir string, reuse bool, runs int, seed int64) error {
	ctx := context.Background()
	if dir == "" {
		tmp, err := os.MkdirTemp("", "steward-bench-report-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	until := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	since := until.AddDate(-1, 0, 0)
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	svc := usage.New(usage.NewSQLite(st), usage.Options{})
	if !reuse {
		if err := seedLog(ctx, svc, rows, members, seed, since, until); err != nil {
			return err
		}
	}
	describe(st)

	fmt.Printf("\nReports over a year (%s – %s), %d runs each, min / median:\n", since.Format(time.DateOnly),
		until.AddDate(0, 0, -1).Format(time.DateOnly), runs)
	for _, by := range usage.Groupings() {
		q := usage.Query{Since: since, Until: until, By: by}
		var rep usage.Report
		fastest, median, err := timeIt(runs, func() error { var err error; rep, err = svc.Report(ctx, q); return err })
		if err != nil {
			return err
		}
		mark := ""
		if by == usage.ByDay || by == usage.ByMember {
			mark = fmt.Sprintf("  target < 100 ms: %s", verdict(median))
		}
		fmt.Printf("  report by %-8s %4d rows  %7.2f ms / %7.2f ms%s\n", by, len(rep.Rows), ms(fastest), ms(median), mark)
	}
	charts := []struct {
		name   string
		from   time.Time
		bucket string
	}{{"series by day, a year", since, usage.BucketDay}, {"series by hour, 7 days", until.AddDate(0, 0, -7), usage.BucketHour}}
	for _, c := range charts {
		fastest, median, err := timeIt(runs, func() error { _, err := svc.Series(ctx, c.from, until, c.bucket); return err })
		if err != nil {
			return err
		}
		fmt.Printf("  %-28s %7.2f ms / %7.2f ms\n", c.name, ms(fastest), ms(median))
	}
	fastest, median, err := timeIt(runs, func() error { _, err := svc.Alerts(ctx, time.Now()); return err })
	if err != nil {
		return err
	}
	fmt.Printf("  %-28s %7.2f ms / %7.2f ms\n", "alerts", ms(fastest), ms(median))
	return compare(ctx, st, svc, since, until, runs)
}

// compare times what the rollups save (a year by member summed from the
// rows) and what a price edit costs (re-pricing every gpt-4o call).
func compare(ctx context.Context, st *store.Store, svc *usage.Service, since, until time.Time, runs int) error {
	fastest, median, err := timeIt(min(runs, 3), func() error {
		rows, err := st.Read().QueryContext(ctx, `SELECT member, count(*), sum(max(input_tokens, 0)),
			sum(max(output_tokens, 0)), sum(status = 0 OR status >= 400 OR error_type != ''), sum(cost_usd)
			FROM usage_events WHERE at >= ? AND at < ? GROUP BY member`, since.UnixMilli(), until.UnixMilli())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	fmt.Printf("\nFor comparison, a year by member summed from the rows: %.0f ms / %.0f ms\n", ms(fastest), ms(median))
	start := time.Now()
	if _, err := svc.SetPrice(ctx, usage.Price{Model: "gpt-4o", InputPerMillion: 2.5, CachedInputPerMillion: 1.25, OutputPerMillion: 12}); err != nil {
		return err
	}
	fmt.Printf("Editing gpt-4o's price (re-prices its events and rebuilds the rollups): %.0f ms\n", ms(time.Since(start)))
	return nil
}

// seedLog fills the log through the service (priced, rolled up) in
// batches, printing the insert rate.
func seedLog(ctx context.Context, svc *usage.Service, rows, members int, seed int64, since, until time.Time) error {
	r := rand.New(rand.NewSource(seed))
	team := usagebench.NewTeam(r, members)
	fmt.Printf("Seeding %d usage rows over %s – %s (%d members)...\n", rows, since.Format(time.DateOnly),
		until.AddDate(0, 0, -1).Format(time.DateOnly), members)
	start := time.Now()
	last := start
	err := usagebench.Seed(ctx, svc, team, r, rows, since, until, 5000, func(done int) {
		if time.Since(last) > 5*time.Second || done == rows {
			last = time.Now()
			fmt.Printf("  %9d rows  %6.0f rows/s\n", done, float64(done)/time.Since(start).Seconds())
		}
	})
	if err != nil {
		return err
	}
	fmt.Printf("Seeded in %.1f s\n", time.Since(start).Seconds())
	return nil
}

// describe prints the database's size and table counts.
func describe(st *store.Store) {
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(st.Path() + suffix); err == nil {
			size += fi.Size()
		}
	}
	fmt.Printf("\nDatabase %s: %.0f MB\n", filepath.Base(st.Path()), float64(size)/(1<<20))
	for _, table := range []string{"usage_events", "usage_daily", "usage_daily_by"} {
		var n int64
		if err := st.Read().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err == nil {
			fmt.Printf("  %-15s %9d rows\n", table, n)
		}
	}
}

// timeIt runs fn once to warm up, then runs times, returning the fastest
// and the median duration.
func timeIt(runs int, fn func() error) (time.Duration, time.Duration, error) {
	if err := fn(); err != nil {
		return 0, 0, err
	}
	var ds []time.Duration
	for range max(runs, 1) {
		start := time.Now()
		if err := fn(); err != nil {
			return 0, 0, err
		}
		ds = append(ds, time.Since(start))
	}
	slices.Sort(ds)
	return ds[0], ds[len(ds)/2], nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func verdict(d time.Duration) string {
	if d < 100*time.Millisecond {
		return "ok"
	}
	return "MISSED"
}
