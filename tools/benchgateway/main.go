// Command benchgateway measures what Steward's gateway adds to a call. It
// starts a minimal fast upstream (a small chat completion with usage, or an
// SSE stream of twelve events), then sends the same requests straight to it,
// through the gateway with a no-op recorder, through the gateway with a
// counting queue recorder, and through net/http/httputil's ReverseProxy,
// at a fixed rate and at several concurrencies. It prints requests per
// second, p50 and p99 latency, the latency each proxy adds over the
// upstream alone, time to first byte for streams, and usage rows logged
// against requests sent; then checks the targets. scripts/bench-gateway.sh
// runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"steward/backend/usage"
	"steward/tools/internal/benchload"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "benchgateway:", err)
		os.Exit(1)
	}
}

type options struct {
	n, fixedN, rate, warmup, rounds int
	concs                           []int
}

func parseFlags() (options, error) {
	var o options
	var concs string
	flag.IntVar(&o.n, "n", 6000, "requests per closed-loop run")
	flag.IntVar(&o.fixedN, "fixed-n", 5000, "requests in the fixed-rate run")
	flag.IntVar(&o.rate, "rate", 1000, "requests per second of the fixed-rate run (concurrency 1)")
	flag.IntVar(&o.warmup, "warmup", 1000, "requests sent to each target before measuring")
	flag.StringVar(&concs, "conc", "1,16,64", "concurrencies of the closed-loop runs")
	flag.IntVar(&o.rounds, "rounds", 5, "rounds each run is split into, the targets taking turns")
	flag.Parse()
	if o.rounds < 1 || o.n < o.rounds || o.fixedN < o.rounds {
		return o, fmt.Errorf("need -rounds >= 1 and at least one request per round")
	}
	for _, s := range strings.Split(concs, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || c < 1 {
			return o, fmt.Errorf("bad -conc %q", concs)
		}
		o.concs = append(o.concs, c)
	}
	return o, nil
}

func run() error {
	o, err := parseFlags()
	if err != nil {
		return err
	}
	ctx := context.Background()
	up, stopUp, err := benchload.Upstream()
	if err != nil {
		return err
	}
	defer stopUp()
	dir, err := os.MkdirTemp("", "steward-bench-gateway")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	targets, stop, err := startTargets(ctx, dir, up)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Printf("Go %s, GOMAXPROCS %d, %d CPUs; everything on loopback in one process\n",
		runtime.Version(), runtime.GOMAXPROCS(0), runtime.NumCPU())
	checks := measureAll(o, targets)
	failed := 0
	fmt.Println("\n== targets")
	for _, ch := range checks {
		mark := "PASS"
		if !ch.ok {
			mark, failed = "FAIL", failed+1
		}
		fmt.Printf("%s  %s\n", mark, ch.what)
	}
	if failed > 0 {
		return fmt.Errorf("%d target(s) missed", failed)
	}
	return nil
}

// startTargets starts the two gateways and the reverse proxy in front of
// up, with a key register in dir; the first target is up itself.
func startTargets(ctx context.Context, dir, up string) ([]*target, func(), error) {
	st, reg, access, key, tok, err := register(ctx, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("set up the key register: %w", err)
	}
	targets := []*target{{name: "upstream directly", base: up, cred: key}}
	stop := func() {
		for _, t := range targets[1:] {
			t.stop()
		}
		st.Close()
	}
	queue := newQueueRecorder(1 << 14)
	noop, err := startGateway(ctx, "steward gateway, no-op recorder", up, reg, access, tok, usage.RecorderFunc(func(usage.Event) {}), nil)
	if err == nil {
		targets = append(targets, noop)
		var counted *target
		if counted, err = startGateway(ctx, "steward gateway, counting recorder", up, reg, access, tok, queue, queue.drained); err == nil {
			targets = append(targets, counted)
		}
	}
	if err == nil {
		var rp *target
		if rp, err = startReverseProxy(up, key); err == nil {
			targets = append(targets, rp)
		}
	}
	if err == nil {
		var fo []*target
		if fo, err = failoverTargets(ctx, up, reg, access, tok); err == nil {
			targets = append(targets, fo...)
		}
	}
	if err != nil {
		stop()
		return nil, nil, err
	}
	return targets, stop, nil
}

// measureAll runs every scenario, JSON then streams, and returns the checks
// against the targets; the results are printed as they come.
func measureAll(o options, targets []*target) []check {
	c := benchload.NewClient()
	var checks []check
	for _, stream := range []bool{false, true} {
		body := []byte(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}]}`)
		kind := "chat JSON"
		if stream {
			body = []byte(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}],"stream":true,"stream_options":{"include_usage":true}}`)
			kind = "chat SSE stream (12 events)"
		}
		for _, t := range targets {
			benchload.ClosedLoop(c, t.endpoints(), body, 4, o.warmup)
		}
		res := scenario(fmt.Sprintf("%s, fixed %d req/s, concurrency 1 (%d requests)", kind, o.rate, o.fixedN), targets, stream, o.rounds,
			func(t *target) benchload.Measure {
				return benchload.FixedRate(c, t.endpoint(), body, o.rate, o.fixedN/o.rounds)
			})
		checks = append(checks, res.checks(stream, 0)...)
		for _, conc := range o.concs {
			res := scenario(fmt.Sprintf("%s, closed loop, concurrency %d (%d requests)", kind, conc, o.n), targets, stream, o.rounds,
				func(t *target) benchload.Measure {
					return benchload.ClosedLoop(c, t.endpoints(), body, conc, o.n/o.rounds)
				})
			checks = append(checks, res.checks(stream, conc)...)
		}
	}
	return checks
}

// results are one scenario's measures, by target.
type results struct {
	m    []benchload.Measure
	logs []int64 // rows logged during the run, for targets that count them; -1 otherwise
}

type check struct {
	what string
	ok   bool
}

// scenario runs one measurement against every target and prints it.
func scenario(title string, targets []*target, stream bool, rounds int, run func(*target) benchload.Measure) results {
	fmt.Printf("\n== %s\n", title)
	head := fmt.Sprintf("%-36s %9s %8s %8s %9s %9s", "target", "req/s", "p50 ms", "p99 ms", "+p50 ms", "+p99 ms")
	if stream {
		head += fmt.Sprintf(" %9s %9s %10s", "ttfb p50", "ttfb p99", "+ttfb p50")
	}
	fmt.Println(head + "   rows logged/sent")
	// Rounds interleave the targets, so a burst of load from elsewhere on
	// the machine falls on all of them rather than on one.
	got := make([]benchload.Measure, len(targets))
	logs := make([]int64, len(targets))
	for i, t := range targets {
		logs[i] = -1
		if t.rows != nil {
			logs[i], _ = t.rows()
			logs[i] = -logs[i]
		}
	}
	for range rounds {
		for i, t := range targets {
			got[i] = got[i].Merge(run(t))
		}
	}
	var r results
	for i, t := range targets {
		m, logged := got[i], logs[i]
		if t.rows != nil {
			after, _ := t.rows()
			logged += after
		}
		r.m, r.logs = append(r.m, m), append(r.logs, logged)
		fmt.Println(row(t.name, m, r.m[0], i == 0, stream, logged))
	}
	return r
}

// checks are the targets one scenario is held to: at the fixed rate the
// gateway adds at most 0.2 ms at p50 and 2 ms at p99; at concurrency 16 it
// serves at least 3,000 requests per second; every request is logged and
// none fails.
func (r results) checks(stream bool, conc int) []check {
	kind := "JSON"
	if stream {
		kind = "stream"
	}
	var out []check
	direct := r.m[0]
	for i, name := range []string{"no-op recorder", "counting recorder"} {
		g := r.m[i+1]
		add50, add99 := benchload.Pct(g.Lat, 50)-benchload.Pct(direct.Lat, 50), benchload.Pct(g.Lat, 99)-benchload.Pct(direct.Lat, 99)
		switch conc {
		case 0:
			out = append(out,
				check{fmt.Sprintf("%s fixed rate, %s: added p50 %.3f ms <= 0.2 ms", kind, name, ms(add50)), add50 <= 200*time.Microsecond},
				check{fmt.Sprintf("%s fixed rate, %s: added p99 %.3f ms <= 2 ms", kind, name, ms(add99)), add99 <= 2*time.Millisecond})
		case 16:
			out = append(out, check{fmt.Sprintf("%s concurrency 16, %s: %.0f req/s >= 3000", kind, name, g.RPS()), g.RPS() >= 3000})
		}
		if g.Failed > 0 {
			out = append(out, check{fmt.Sprintf("%s concurrency %d, %s: %d requests failed", kind, conc, name, g.Failed), false})
		}
	}
	for i := 4; i < len(r.m); i++ {
		if r.m[i].Failed > 0 {
			out = append(out, check{fmt.Sprintf("%s concurrency %d, failover target %d: %d requests failed", kind, conc, i, r.m[i].Failed), false})
		}
	}
	if logged, sent := r.logs[2], r.m[2].Sent; logged != int64(sent) {
		out = append(out, check{fmt.Sprintf("%s concurrency %d: %d rows logged for %d requests", kind, conc, logged, sent), false})
	} else if conc == 0 || conc == 64 {
		out = append(out, check{fmt.Sprintf("%s concurrency %d: every request logged (%d/%d)", kind, max(conc, 1), logged, sent), true})
	}
	return out
}

// row formats one target's line of a scenario, against the upstream alone.
func row(name string, m, direct benchload.Measure, isDirect, stream bool, logged int64) string {
	p50, p99 := benchload.Pct(m.Lat, 50), benchload.Pct(m.Lat, 99)
	line := fmt.Sprintf("%-36s %9.0f %8.3f %8.3f", name, m.RPS(), ms(p50), ms(p99))
	if isDirect {
		line += fmt.Sprintf(" %9s %9s", "-", "-")
	} else {
		line += fmt.Sprintf(" %+9.3f %+9.3f", ms(p50-benchload.Pct(direct.Lat, 50)), ms(p99-benchload.Pct(direct.Lat, 99)))
	}
	if stream {
		t50, t99 := benchload.Pct(m.TTFB, 50), benchload.Pct(m.TTFB, 99)
		line += fmt.Sprintf(" %9.3f %9.3f", ms(t50), ms(t99))
		if isDirect {
			line += fmt.Sprintf(" %10s", "-")
		} else {
			line += fmt.Sprintf(" %+10.3f", ms(t50-benchload.Pct(direct.TTFB, 50)))
		}
	}
	if logged >= 0 {
		line += fmt.Sprintf("   %d/%d", logged, m.Sent)
	}
	if m.Failed > 0 {
		line += fmt.Sprintf("   (%d failed)", m.Failed)
	}
	return line
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
