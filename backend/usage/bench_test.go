package usage_test

import (
	"context"
	"math/rand"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"steward/backend/store"
	"steward/backend/store/pgtest"
	"steward/backend/usage"
	"steward/tools/usagebench"
)

func openService(b *testing.B) *usage.Service {
	b.Helper()
	st, err := store.Open(context.Background(), b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return usage.New(usage.NewSQLite(st), usage.Options{})
}

// BenchmarkWriter measures events per second through Record into SQLite
// with the default batching, including the final drain. The queue is sized
// to hold every event, so none are dropped and the figure is the writer's.
func BenchmarkWriter(b *testing.B) {
	svc := openService(b)
	r := rand.New(rand.NewSource(1))
	team := usagebench.NewTeam(r, 40)
	start := time.Now().Add(-time.Hour)
	events := make([]usage.Event, 10_000)
	for i := range events {
		events[i] = team.Event(r, start.Add(time.Duration(i)*time.Millisecond))
	}
	w := usage.NewWriter(svc, usage.WriterOptions{Capacity: b.N + 1})
	b.ResetTimer()
	for i := range b.N {
		w.Record(events[i%len(events)])
	}
	if err := w.Close(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	st := w.Stats()
	if st.Dropped != 0 || st.Written != int64(b.N) {
		b.Fatalf("stats = %+v", st)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkReportYear times a year's reports on a seeded log:
// STEWARD_BENCH_USAGE_ROWS rows (100,000 by default; scripts/bench-report.sh
// runs the 1,000,000-row version).
func BenchmarkReportYear(b *testing.B) {
	rows := 100_000
	if v, err := strconv.Atoi(os.Getenv("STEWARD_BENCH_USAGE_ROWS")); err == nil && v > 0 {
		rows = v
	}
	svc := openService(b)
	until := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	since := until.AddDate(-1, 0, 0)
	r := rand.New(rand.NewSource(1))
	if err := usagebench.Seed(context.Background(), svc, usagebench.NewTeam(r, 40), r, rows, since, until, 5000, nil); err != nil {
		b.Fatal(err)
	}
	for _, by := range usage.Groupings() {
		b.Run("By"+by, func(b *testing.B) {
			for b.Loop() {
				if _, err := svc.Report(context.Background(), usage.Query{Since: since, Until: until, By: by}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInsert measures events per second through the Store's Insert in
// batches of a few sizes (as the Writer sends them), on a SQLite file and
// on the test PostgreSQL server (skipped without it).
func BenchmarkInsert(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	team := usagebench.NewTeam(r, 40)
	start := time.Now().Add(-time.Hour)
	events := make([]usage.Event, 4096)
	for i := range events {
		events[i] = team.Event(r, start.Add(time.Duration(i)*time.Millisecond))
	}
	open := map[string]func(b *testing.B) *store.Store{
		"SQLite": func(b *testing.B) *store.Store {
			st, err := store.Open(context.Background(), b.TempDir(), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
		"Postgres": func(b *testing.B) *store.Store {
			st, err := store.OpenPostgres(context.Background(), pgtest.URL(b), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
	}
	for _, engine := range []string{"SQLite", "Postgres"} {
		for _, batch := range []int{1, 64, 512} {
			b.Run(engine+"/batch="+strconv.Itoa(batch), func(b *testing.B) {
				st := open[engine](b)
				defer st.Close()
				db := usage.NewSQLite(st)
				b.ResetTimer()
				for i := 0; i < b.N; i += batch {
					from := i % len(events)
					n := min(batch, b.N-i, len(events)-from)
					if err := db.Insert(context.Background(), events[from:from+n]); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			})
		}
	}
}

// BenchmarkInsertReplicas measures rows per second written by two stores on
// one database at once (two gateway replicas' writers), batches of 256,
// days and members shared so their rollup rows collide as in production.
func BenchmarkInsertReplicas(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	team := usagebench.NewTeam(r, 40)
	start := time.Now().Add(-time.Hour)
	events := make([]usage.Event, 4096)
	for i := range events {
		events[i] = team.Event(r, start.Add(time.Duration(i)*time.Millisecond))
	}
	const batch = 256
	for _, engine := range []string{"SQLite", "Postgres"} {
		b.Run(engine, func(b *testing.B) {
			var first, second *store.Store
			var err error
			if engine == "SQLite" {
				dir := b.TempDir()
				if first, err = store.Open(context.Background(), dir, store.Options{}); err == nil {
					second, err = store.Open(context.Background(), dir, store.Options{})
				}
			} else {
				u := pgtest.URL(b)
				if first, err = store.OpenPostgres(context.Background(), u, store.Options{}); err == nil {
					second, err = store.OpenPostgres(context.Background(), u, store.Options{})
				}
			}
			if err != nil {
				b.Fatal(err)
			}
			defer first.Close()
			defer second.Close()
			b.ResetTimer()
			var wg sync.WaitGroup
			for w, st := range []*store.Store{first, second} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					db := usage.NewSQLite(st)
					for i := w * batch; i < b.N; i += 2 * batch {
						from := i % len(events)
						n := min(batch, b.N-i, len(events)-from)
						if err := db.Insert(context.Background(), events[from:from+n]); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
