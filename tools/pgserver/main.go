// Command pgserver runs a private PostgreSQL for end-to-end tests: it starts
// one with pgtest.Start (a temporary folder, a free port on 127.0.0.1, as
// the non-root postgres user when run as root), creates a database, logs
// -seed sample gateway calls into it as a team server would, writes the
// password to -password-file (mode 0600; it is never printed), prints the
// database's URL without it on standard output, and stops the server on
// SIGTERM or SIGINT.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"steward/backend/store"
	"steward/backend/store/pgtest"
	"steward/backend/usage"
)

func main() {
	name := flag.String("db", "team", "the database to create")
	seed := flag.Int("seed", 0, "how many sample gateway calls to log in it")
	pwFile := flag.String("password-file", "", "where to write the database's password (required)")
	flag.Parse()
	if *pwFile == "" {
		fmt.Fprintln(os.Stderr, "pgserver: give -password-file")
		os.Exit(2)
	}
	if err := run(*name, *seed, *pwFile); err != nil {
		fmt.Fprintln(os.Stderr, "pgserver:", err)
		os.Exit(1)
	}
}

func run(name string, seed int, pwFile string) error {
	pg, err := pgtest.Start()
	if err != nil {
		return err
	}
	defer pg.Close()
	full, err := pg.CreateDatabase(name)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if err := seedCalls(ctx, full, seed); err != nil {
		return err
	}
	u, err := url.Parse(full)
	if err != nil {
		return fmt.Errorf("read the database URL: %w", err)
	}
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	if err := os.WriteFile(pwFile, []byte(pw), 0o600); err != nil {
		return fmt.Errorf("write the password file: %w", err)
	}
	if _, err := fmt.Println(u.String()); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}

// seedCalls migrates the database as the team server does and logs n calls
// of two members over the last days.
func seedCalls(ctx context.Context, dbURL string, n int) error {
	st, err := store.OpenPostgres(ctx, dbURL, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	members := []string{"Ann", "Bo"}
	models := []string{"gpt-4o-mini", "gpt-4.1"}
	now := time.Now().UTC()
	events := make([]usage.Event, 0, n)
	for i := range n {
		events = append(events, usage.Event{Time: now.Add(-time.Duration(i) * 97 * time.Minute), Source: usage.SourceGateway,
			Member: members[i%2], Endpoint: "/v1/chat/completions", Method: "POST", Model: models[i%3%2], Status: 200,
			InputTokens: int64(200 + i*13%400), OutputTokens: int64(40 + i*7%90)})
	}
	if n == 0 {
		return nil
	}
	return usage.New(usage.NewSQLite(st), usage.Options{}).Insert(ctx, events)
}
