// Command benchteam measures Steward's gateway as a team server: two
// `steward gateway` replicas on one PostgreSQL database behind a
// round-robin client at concurrency 32, in front of a fast local upstream;
// then one replica on a SQLite data folder for comparison (SQLite serves
// one gateway per folder). It prints requests per second in total, p50 and
// p99 latency and what the gateway adds over the upstream alone, and usage
// rows logged against requests sent, read from the database after the
// replicas drained on SIGTERM; then checks the targets (>= 5,000 req/s in
// total on PostgreSQL, every row logged). scripts/bench-team.sh runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"steward/backend/store/pgtest"
	"steward/tools/internal/benchload"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "benchteam:", err)
		os.Exit(1)
	}
}

type options struct {
	bin                     string
	n, warmup, conc, people int
	target                  float64
}

func parseFlags() (options, error) {
	var o options
	flag.StringVar(&o.bin, "steward", "", "the steward binary to run as replicas (required)")
	flag.IntVar(&o.n, "n", 40000, "requests in each measured run")
	flag.IntVar(&o.warmup, "warmup", 2000, "requests sent before measuring (logged too)")
	flag.IntVar(&o.conc, "conc", 32, "concurrent clients")
	flag.IntVar(&o.people, "members", 8, "members, each with a gateway token, the clients take turns as")
	flag.Float64Var(&o.target, "target", 5000, "requests per second the replicas on PostgreSQL must reach in total")
	flag.Parse()
	if o.bin == "" || o.n < 1 || o.conc < 1 || o.people < 1 {
		return o, fmt.Errorf("need -steward BIN, and -n, -conc and -members of at least 1")
	}
	return o, nil
}

// result is one setup's measure and what its database holds afterwards.
type result struct {
	name   string
	m      benchload.Measure
	sent   int // warm-up included
	logged int64
}

func run() error {
	o, err := parseFlags()
	if err != nil {
		return err
	}
	ctx := context.Background()
	work, err := os.MkdirTemp("", "steward-bench-team")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	up, stopUp, err := benchload.Upstream()
	if err != nil {
		return err
	}
	defer stopUp()
	keyFile := filepath.Join(work, "upstream-key")
	if err := os.WriteFile(keyFile, []byte("sk-proj-bench"+strings.Repeat("0", 40)+"\n"), 0o600); err != nil {
		return err
	}
	// Replicas share the safety-identifier secret through a file, as a
	// team server's hosts do (their keychains differ, or there is none).
	secretFile := filepath.Join(work, "safety-secret")
	if err := os.WriteFile(secretFile, []byte(strings.Repeat("5", 64)+"\n"), 0o600); err != nil {
		return err
	}
	pg, err := pgtest.Start()
	if err != nil {
		return fmt.Errorf("start PostgreSQL: %w", err)
	}
	defer pg.Close()
	url, err := pg.CreateDatabase("bench_team")
	if err != nil {
		return err
	}
	fmt.Printf("Go %s, GOMAXPROCS %d, %d CPUs; load, upstream, replicas and PostgreSQL on one machine (load %s)\n",
		runtime.Version(), runtime.GOMAXPROCS(0), runtime.NumCPU(), loadAvg())
	c := benchload.NewClient()
	body := []byte(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}]}`)
	direct := benchload.ClosedLoop(c, []benchload.Endpoint{{Base: up, Cred: "direct"}}, body, o.conc, o.n)
	team := setup{name: "2 replicas, PostgreSQL", replicas: 2, env: []string{"STEWARD_DATABASE_URL=" + url}, countURL: url}
	solo := setup{name: "1 replica, SQLite", replicas: 1, countDir: filepath.Join(work, "sqlite")}
	var results []result
	for _, s := range []setup{team, solo} {
		s.bin, s.upstream, s.work = o.bin, up, filepath.Join(work, strings.ReplaceAll(s.name, " ", ""))
		s.env = append(s.env, "STEWARD_UPSTREAM_KEY_FILE="+keyFile, "STEWARD_SAFETY_SECRET_FILE="+secretFile)
		if s.countDir != "" {
			s.env = append(s.env, "STEWARD_DATA_DIR="+s.countDir)
		}
		r, err := s.measure(ctx, c, body, o)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		results = append(results, r)
	}
	return report(o, direct, results)
}

// report prints the table and checks the targets.
func report(o options, direct benchload.Measure, results []result) error {
	ms := func(d interface{ Seconds() float64 }) float64 { return d.Seconds() * 1000 }
	fmt.Printf("\nconcurrency %d, %d requests per run, chat completions (JSON)\n", o.conc, o.n)
	fmt.Printf("%-26s %9s %8s %8s %9s %9s %15s\n", "", "req/s", "p50 ms", "p99 ms", "+p50 ms", "+p99 ms", "rows/sent")
	p50, p99 := benchload.Pct(direct.Lat, 50), benchload.Pct(direct.Lat, 99)
	fmt.Printf("%-26s %9.0f %8.3f %8.3f\n", "upstream directly", direct.RPS(), ms(p50), ms(p99))
	failed := 0
	for _, r := range results {
		g50, g99 := benchload.Pct(r.m.Lat, 50), benchload.Pct(r.m.Lat, 99)
		fmt.Printf("%-26s %9.0f %8.3f %8.3f %+9.3f %+9.3f %15s", r.name, r.m.RPS(), ms(g50), ms(g99), ms(g50-p50), ms(g99-p99),
			fmt.Sprintf("%d/%d", r.logged, r.sent))
		if r.m.Failed > 0 {
			fmt.Printf("   (%d failed)", r.m.Failed)
		}
		fmt.Println()
	}
	fmt.Println("\n== targets")
	check := func(ok bool, format string, args ...any) {
		mark := "PASS"
		if !ok {
			mark, failed = "FAIL", failed+1
		}
		fmt.Printf("%s  %s\n", mark, fmt.Sprintf(format, args...))
	}
	team := results[0]
	check(team.m.RPS() >= o.target, "%s: %.0f req/s in total >= %.0f", team.name, team.m.RPS(), o.target)
	for _, r := range results {
		check(r.logged == int64(r.sent) && r.m.Failed == 0, "%s: every request answered and logged once (%d rows for %d requests, %d failed)",
			r.name, r.logged, r.sent, r.m.Failed)
	}
	if failed > 0 {
		return fmt.Errorf("%d target(s) missed", failed)
	}
	return nil
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
