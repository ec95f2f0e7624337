package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/store"
	"steward/backend/usage"
)

// teamDesk is the team database the desktop reports on (Settings → Team
// database), opened on first use and read only: the app never writes usage
// rows, prices or policies there.
type teamDesk struct {
	c   *core
	mu  sync.Mutex
	url string // the setting the open store was opened for
	st  *store.Store
	svc *usage.Service
}

// on reports whether the Usage screen reads a team database: the desktop
// setting is set and no --database-url (the team server's own) is.
func (d *teamDesk) on(ctx context.Context) (string, bool) {
	if d.c.team != nil {
		return "", false
	}
	raw, _ := d.c.settings.Value(ctx, SettingTeamDatabase)
	return raw, raw != ""
}

// usage is the usage service reports read: the team's when the setting is
// on (opened now if need be), else the local log's.
func (d *teamDesk) usage(ctx context.Context) (*usage.Service, error) {
	raw, on := d.on(ctx)
	if !on {
		return d.c.usage, nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.st != nil && d.url == raw {
		if err := d.st.Pool().Ping(ctx); err == nil {
			return d.svc, nil
		}
	}
	d.closeLocked()
	pw, err := d.c.teamPassword()
	if err != nil {
		return nil, err
	}
	st, err := openTeamReadOnly(ctx, withPassword(raw, pw), d.c.opts.Now)
	if err != nil {
		return nil, err
	}
	d.url, d.st = raw, st
	d.svc = usage.New(usage.NewSQLite(st), usage.Options{Log: d.c.log.Logger, KeyLabels: d.c.keys.Labels, Now: d.c.opts.Now})
	return d.svc, nil
}

// teamPassword is the team database's password from the vault, "" when
// none is stored; a vault that cannot be read (locked) is an error.
func (c *core) teamPassword() (string, error) {
	pw, err := c.vault.Get(TeamDatabaseAccount)
	if err != nil && !errors.Is(err, keys.ErrNotFound) && !apperr.Is(err, keys.CodeSecretMissing) {
		return "", err
	}
	return pw, nil
}

// readOnly refuses a change to the usage log's settings while the Usage
// screen reads the team database.
func (d *teamDesk) readOnly(ctx context.Context) error {
	if _, on := d.on(ctx); !on {
		return nil
	}
	return apperr.Text(CodeTeamReadOnly, "app.usage",
		"Read-only: the team database is managed on the team server. Change prices, the budget, body logging and reconciliation there (steward … --database-url), or disconnect the team database in Settings.",
		"只读：团队数据库由团队服务器管理。请在服务器上修改价格、预算、正文记录和对账（steward … --database-url），或在“设置”中断开团队数据库。")
}

// reset closes the open team store, so the next report opens the setting anew.
func (d *teamDesk) reset() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closeLocked()
}

func (d *teamDesk) closeLocked() {
	if d.st != nil {
		d.st.Close()
	}
	d.url, d.st, d.svc = "", nil, nil
}

// openTeamReadOnly opens a team database for reading after checking its
// schema is the one this build knows, so that opening never migrates it.
func openTeamReadOnly(ctx context.Context, dbURL string, now func() time.Time) (*store.Store, error) {
	version, err := teamSchema(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	if err := checkTeamSchema(dbURL, version); err != nil {
		return nil, err
	}
	return store.OpenPostgres(ctx, dbURL, store.Options{Now: now})
}

// teamSchema reads the newest migration a team database records (0 when it
// has no Steward tables). A failed connection is described by
// store.OpenPostgres, which names the server and never the password.
func teamSchema(ctx context.Context, dbURL string) (int, error) {
	conn, err := connectTeam(ctx, dbURL)
	if err != nil {
		st, oerr := store.OpenPostgres(ctx, dbURL, store.Options{})
		if oerr == nil {
			st.Close()
			return 0, fmt.Errorf("connect to the team database: %s", redactURL(err.Error(), dbURL))
		}
		return 0, oerr
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	var version int64
	err = conn.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists)
	if err == nil && exists {
		err = conn.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version)
	}
	if err != nil {
		return 0, fmt.Errorf("read the team database's schema: %s", redactURL(err.Error(), dbURL))
	}
	return int(version), nil
}

// connectTeam opens one plain connection with a bounded wait.
func connectTeam(ctx context.Context, dbURL string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		return nil, err
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	return pgx.ConnectConfig(ctx, cfg)
}

// checkTeamSchema turns a schema this build cannot read as it is into a
// clear error: none yet, an older one, or a newer Steward's.
func checkTeamSchema(dbURL string, version int) error {
	latest := store.LatestPostgresVersion()
	name := teamLabel(dbURL)
	switch {
	case version == 0:
		return apperr.Text(CodeTeamEmpty, "app.team_database",
			"The team database "+name+" holds no Steward data yet. Start the team server on it first (steward gateway --database-url …); the desktop only reads it.",
			"团队数据库 "+name+" 中还没有 Steward 数据。请先在其上启动团队服务器（steward gateway --database-url …）；桌面端只读取它。")
	case version > latest:
		return apperr.New(apperr.DatabaseNewer, "app.team_database", "path", name,
			"found", strconv.Itoa(version), "known", strconv.Itoa(latest))
	case version < latest:
		return apperr.Text(CodeTeamOlder, "app.team_database",
			fmt.Sprintf("The team database %s was written by an older Steward (schema %d; this version reads %d). Update the team server: it upgrades the database when it starts.", name, version, latest),
			fmt.Sprintf("团队数据库 %s 由较旧版本的 Steward 写入（数据结构版本 %d；本版本读取 %d）。请升级团队服务器：它启动时会升级数据库。", name, version, latest))
	}
	return nil
}

// redactURL keeps a URL's password out of a driver message.
func redactURL(msg, dbURL string) string {
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil || cfg.Password == "" {
		return msg
	}
	return redactSecret(msg, cfg.Password)
}

// redactSecret replaces secret in s.
func redactSecret(s, secret string) string { return strings.ReplaceAll(s, secret, "xxxxx") }
