package app

import (
	"cmp"
	"context"
	"errors"
	"net/url"
	"strings"

	"steward/backend/store"
)

// EnvDatabaseURL names the team's PostgreSQL database when --database-url
// is not given.
const EnvDatabaseURL = "STEWARD_DATABASE_URL"

// openTeam opens the team's PostgreSQL database when a URL is set (the
// option, else STEWARD_DATABASE_URL), or returns nil. A URL without a
// password takes PGPASSWORD's.
func openTeam(ctx context.Context, opts Options) (*store.Store, error) {
	raw := strings.TrimSpace(cmp.Or(opts.DatabaseURL, opts.Getenv(EnvDatabaseURL)))
	if raw == "" {
		return nil, nil
	}
	return store.OpenPostgres(ctx, withPassword(raw, opts.Getenv("PGPASSWORD")), store.Options{Now: opts.Now})
}

// withPassword puts pw into a postgres:// URL that has none; other forms
// (key=value) are left to the driver, which reads PGPASSWORD itself.
func withPassword(raw, pw string) string {
	if pw == "" {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.User == nil {
		return raw
	}
	if _, set := u.User.Password(); set {
		return raw
	}
	u.User = url.UserPassword(u.User.Username(), pw)
	return u.String()
}

// URLHasPassword reports whether a postgres:// URL carries a password, for
// fronts that must not take one where others can read it (a command line).
func URLHasPassword(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.User == nil {
		return strings.Contains(raw, "password=")
	}
	_, set := u.User.Password()
	return set
}

// shared is the store of the team's shared state: the PostgreSQL database
// when one is set, else the data folder's file.
func (c *core) shared() *store.Store { return cmp.Or(c.team, c.store) }

// teamName names the team database without its password, or "".
func (c *core) teamName() string {
	if c.team == nil {
		return ""
	}
	return c.team.Path()
}

// closeAll closes the stores that are open.
func closeAll(sts ...*store.Store) error {
	var errs []error
	for _, st := range sts {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}
