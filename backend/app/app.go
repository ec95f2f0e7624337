// Package app is Steward's application layer: it opens a data folder once
// and assembles every service the GUI and the CLI use. Both fronts reach
// the domain packages only through the services here, so a capability
// behaves the same whichever front calls it.
//
// Each capability is one small struct (Checklist, Keys, LeakScan,
// Moderation, Usage, Gateway, Privacy, Org, Settings, Data) whose exported
// methods take a context.Context first and return (T, error) or error.
// Exports writes reports to an io.Writer for both fronts.
package app

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"steward/backend/apperr"
	"steward/backend/applog"
	"steward/backend/checklist"
	"steward/backend/checks"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/org"
	"steward/backend/privacy"
	"steward/backend/settings"
	"steward/backend/store"
	"steward/backend/usage"
)

// Options says how to open the data folder and who is asking.
type Options struct {
	DataDir string // --data-dir; "" for STEWARD_DATA_DIR or the default
	// DatabaseURL is the team's PostgreSQL database (--database-url); ""
	// for STEWARD_DATABASE_URL, or none: the data folder holds everything.
	// Its password may come from PGPASSWORD instead.
	DatabaseURL string
	Getenv      func(string) string // the environment; os.Getenv when nil
	Version     string              // the app's version, for the log and the About panel
	// Source names the front in the checklist's audit trail ("app", "cli").
	Source string
	// Events receives progress of long work; nothing is reported when nil.
	Events Events
	// Passphrase unlocks the encrypted file vault when a key is first
	// needed; without it the file vault stays locked until Keys.UnlockVault.
	Passphrase func() (string, error)
	// AppLog writes the rotating app log in the data folder (the GUI does).
	AppLog bool
	// EnvOverrides makes OPENAI_BASE_URL override the saved base URL, as the
	// official SDKs honour it (the CLI does).
	EnvOverrides bool
	// Now is the clock of dated records and exports; time.Now when nil.
	Now func() time.Time
	// PruneUsage prunes old usage rows in the background after opening,
	// then brings the automatic checks up to date, and syncs the OpenAI
	// organization when its snapshot is due (the window does).
	PruneUsage bool
	// UsageQueue bounds the usage rows waiting to be written (while the
	// database is slow or away); beyond it rows are dropped and counted.
	// STEWARD_USAGE_QUEUE when zero, else 10,000.
	UsageQueue int
}

// EnvUsageQueue sets Options.UsageQueue on a headless host.
const EnvUsageQueue = "STEWARD_USAGE_QUEUE"

// Services is an opened data folder and every service over it, built once.
type Services struct {
	Checklist  *Checklist
	Checks     *Checks
	Keys       *Keys
	LeakScan   *LeakScan
	Moderation *Moderation
	Usage      *Usage
	Gateway    *Gateway
	Privacy    *Privacy
	Org        *Org
	Settings   *Settings
	Data       *Data
	Exports    *Exports // not bound: writes reports for the fronts to save

	c *core
}

// Open opens the data folder and builds every service. On error nothing
// is left open.
func Open(ctx context.Context, opts Options) (*Services, error) {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Events == nil {
		opts.Events = noEvents{}
	}
	if opts.UsageQueue == 0 {
		if v := opts.Getenv(EnvUsageQueue); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return nil, apperr.Text(apperr.Invalid, "app.usage_queue",
					fmt.Sprintf("%s=%q is not a number of rows above zero, such as 10000.", EnvUsageQueue, v),
					fmt.Sprintf("%s=%q 不是大于零的行数（例如 10000）。", EnvUsageQueue, v))
			}
			opts.UsageQueue = n
		}
	}
	dir, err := store.DefaultDir(opts.DataDir, opts.Getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		return nil, err
	}
	team, err := openTeam(ctx, opts)
	if err != nil {
		st.Close()
		return nil, err
	}
	cat, err := checklist.LoadCatalogue()
	if err != nil {
		closeAll(st, team)
		return nil, fmt.Errorf("load catalogue: %w", err)
	}
	c := &core{opts: opts, dir: dir, store: st, team: team, log: applog.Discard(), settings: settings.New(st, nil)}
	c.base, c.cancel = context.WithCancel(context.Background())
	if opts.AppLog {
		if l, err := applog.Open(dir, 0); err == nil {
			c.log = l
		}
	}
	c.checklist = checklist.New(st, cat, checklist.Options{Source: actor(opts.Source, opts.Getenv), Actor: c.youActor, Now: opts.Now})
	c.build(ctx)
	s := c.services()
	if opts.PruneUsage {
		c.startup(func(context.Context) {
			c.prune()
			s.Checks.startup()
		})
		c.startup(s.Org.startup)
	}
	c.log.Info("started", "version", opts.Version, "data_dir", dir, "team_database", c.teamName())
	return s, nil
}

// Bound lists the services the window calls, in a stable order.
func (s *Services) Bound() []any {
	return []any{s.Checklist, s.Checks, s.Keys, s.LeakScan, s.Moderation, s.Usage, s.Gateway, s.Privacy, s.Org, s.Settings, s.Data}
}

// Language is the user's language for messages (en or zh-CN).
func (s *Services) Language() string { return s.c.settings.Language() }

// Log is the app log (discarded unless Options.AppLog).
func (s *Services) Log() *applog.Log { return s.c.log }

// Close stops the gateway, lets the checks that follow a change finish,
// cancels startup work, drains the usage log and closes the database.
func (s *Services) Close() error {
	s.Gateway.stop()
	s.c.bg.Wait()
	s.c.cancel()
	s.c.startups.Wait()
	s.c.bg.Wait()
	s.c.closeUsage()
	s.c.desk.reset()
	s.c.log.Info("stopped")
	err := closeAll(s.c.store, s.c.team)
	s.c.log.Close()
	return err
}

// core is what the services share: the store, the log, settings and the
// domain services they call.
type core struct {
	opts      Options
	dir       string
	store     *store.Store // the data folder's SQLite file
	team      *store.Store // the team's PostgreSQL database, or nil
	log       *applog.Log
	settings  *settings.Service
	checklist *checklist.Service
	vault     *lazyVault
	keys      *keys.Register
	leaks     *leakscan.Store
	privacy   *privacy.Service
	usage     *usage.Service
	writer    *usage.Writer
	recs      *usage.Reconciliations
	org       *org.Service
	desk      *teamDesk       // the team database the desktop reports on
	checks    *checks.Service // set once built; sourceChanged runs it
	checksMu  sync.Mutex      // one background check run at a time
	bg        sync.WaitGroup  // background check runs, waited for by Close
	base      context.Context // the parent of background work; cancelled by Close
	cancel    context.CancelFunc
	startups  sync.WaitGroup // startup work: cancelled, then awaited, by Close
}

// startup runs fn in the background under the base context.
func (c *core) startup(fn func(context.Context)) { c.startups.Go(func() { fn(c.base) }) }

// build assembles the domain services in dependency order.
func (c *core) build(ctx context.Context) {
	c.vault = &lazyVault{open: c.openChosenVault}
	if c.vaultKind(ctx) == keys.VaultKeychain {
		c.vault.Use(keys.NewKeychainVault())
	}
	c.leaks = leakscan.NewStore(c.store, func(fp string) (string, string, bool) {
		if c.keys == nil {
			return "", "", false
		}
		return c.keys.Lookup(fp)
	})
	c.keys = keys.New(c.shared(), c.vault, keys.Options{Log: c.log.Logger, Verifier: liveVerifier{c}, Leaks: c.leaks})
	c.usage = usage.New(usage.NewSQLite(c.shared()), usage.Options{Log: c.log.Logger, KeyLabels: c.keys.Labels, Now: c.opts.Now})
	c.recs = usage.NewReconciliations(c.shared())
	c.desk = &teamDesk{c: c}
	c.writer = usage.NewWriter(c.usage, usage.WriterOptions{Log: c.log.Logger, Capacity: c.opts.UsageQueue})
	c.privacy = privacy.New(c.store, privacy.Options{})
	c.org = c.newOrgService()
}

// services builds the capability structs over the core.
func (c *core) services() *Services {
	s := &Services{c: c,
		Checklist: &Checklist{c: c}, Keys: &Keys{c: c}, LeakScan: &LeakScan{c: c},
		Usage: &Usage{c: c}, Settings: &Settings{c: c}, Data: &Data{c: c},
	}
	s.Moderation = newModeration(c)
	s.Gateway = newGateway(c)
	s.Privacy = &Privacy{c: c, mod: s.Moderation}
	s.Checks = newChecks(c, s.Gateway, s.Moderation)
	s.Org = &Org{c: c, checks: s.Checks}
	s.Exports = &Exports{c: c, privacy: s.Privacy, mod: s.Moderation, checks: s.Checks}
	s.Settings.gateway = s.Gateway
	return s
}

// BoundTypes lists the types of the services the window calls (typed nil
// pointers), for the binding generator and the tests that check their shape.
func BoundTypes() []any {
	return []any{(*Checklist)(nil), (*Checks)(nil), (*Keys)(nil), (*LeakScan)(nil), (*Moderation)(nil), (*Usage)(nil),
		(*Gateway)(nil), (*Privacy)(nil), (*Org)(nil), (*Settings)(nil), (*Data)(nil)}
}
