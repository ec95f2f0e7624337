package app

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"steward/backend/apperr"
	"steward/backend/keys"
)

// SettingTeamDatabase is the desktop's team database URL, kept without
// its password (which is in the vault under TeamDatabaseAccount).
const SettingTeamDatabase = "team_database_url"

// TeamDatabaseAccount is the vault account of the team database's password.
const TeamDatabaseAccount = "steward.team-database"

// Codes of the team database setting's own errors.
const (
	CodeTeamURL      apperr.Code = "team_database_url"
	CodeTeamEmpty    apperr.Code = "team_database_empty"
	CodeTeamOlder    apperr.Code = "team_database_older"
	CodeTeamReadOnly apperr.Code = "team_read_only"
)

// TeamDatabase is the desktop's team database as the Settings screen shows
// it: never the password, only whether one is stored.
type TeamDatabase struct {
	URL         string     `json:"url"`         // without a password; "" when none is set
	Name        string     `json:"name"`        // host/database, for the Usage banner
	PasswordSet bool       `json:"passwordSet"` // the vault holds a password for it
	Connected   bool       `json:"connected"`   // it could be read just now
	Problem     *ErrorInfo `json:"problem"`     // why not, in the user's language
}

// TeamDatabase reports the team database the Usage screen reads, and
// whether it can be read now.
func (s *Settings) TeamDatabase(ctx context.Context) (TeamDatabase, error) {
	raw, err := s.c.settings.Value(ctx, SettingTeamDatabase)
	if err != nil || raw == "" {
		return TeamDatabase{}, err
	}
	st := TeamDatabase{URL: raw, Name: teamLabel(raw)}
	pw, perr := s.c.vault.Get(TeamDatabaseAccount)
	st.PasswordSet = perr == nil && pw != ""
	_, err = s.c.desk.usage(ctx)
	st.Connected = err == nil
	if err != nil {
		e := Describe(err, s.c.settings.Language())
		st.Problem = &e
	}
	return st, nil
}

// SetTeamDatabase saves the team database's URL without any password; a
// password (given, or found in the URL) goes to the vault. An empty
// password keeps the stored one. The Usage screen then reads the team's log.
func (s *Settings) SetTeamDatabase(ctx context.Context, raw, password string) (TeamDatabase, error) {
	clean, inURL, err := splitTeamURL(raw)
	if err != nil {
		return TeamDatabase{}, err
	}
	if password == "" {
		password = inURL
	}
	if password != "" {
		if err := s.c.vault.Set(TeamDatabaseAccount, password); err != nil {
			return TeamDatabase{}, err
		}
	}
	if err := s.c.settings.SetValue(ctx, SettingTeamDatabase, clean); err != nil {
		return TeamDatabase{}, err
	}
	s.c.desk.reset()
	return s.TeamDatabase(ctx)
}

// TestTeamDatabase connects to a team database and checks that this
// Steward can read it, without saving anything. An empty password uses the
// one in the URL, else the stored one.
func (s *Settings) TestTeamDatabase(ctx context.Context, raw, password string) (TeamDatabase, error) {
	clean, inURL, err := splitTeamURL(raw)
	if err != nil {
		return TeamDatabase{}, err
	}
	pw := password
	if pw == "" {
		pw = inURL
	}
	if pw == "" {
		if pw, err = s.c.teamPassword(); err != nil {
			return TeamDatabase{}, err
		}
	}
	st, err := openTeamReadOnly(ctx, withPassword(clean, pw), s.c.opts.Now)
	if err != nil {
		return TeamDatabase{}, err
	}
	st.Close()
	return TeamDatabase{URL: clean, Name: teamLabel(clean), PasswordSet: pw != "", Connected: true}, nil
}

// ClearTeamDatabase forgets the team database and its password; the Usage
// screen reports on this computer's log again.
func (s *Settings) ClearTeamDatabase(ctx context.Context) (TeamDatabase, error) {
	if err := s.c.settings.SetValue(ctx, SettingTeamDatabase, ""); err != nil {
		return TeamDatabase{}, err
	}
	s.c.desk.reset()
	if err := s.c.vault.Delete(TeamDatabaseAccount); err != nil && !errors.Is(err, keys.ErrNotFound) && !apperr.Is(err, keys.CodeSecretMissing) {
		return TeamDatabase{}, err
	}
	return TeamDatabase{}, nil
}

// splitTeamURL checks a postgres:// URL and returns it without its
// password, and the password it held.
func splitTeamURL(raw string) (clean, password string, err error) {
	u, perr := url.Parse(strings.TrimSpace(raw))
	if perr != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" || strings.Trim(u.Path, "/") == "" {
		return "", "", apperr.Text(CodeTeamURL, "app.team_database",
			"Write the team database as postgres://user@host:5432/database (the password goes in its own field).",
			"请将团队数据库写成 postgres://user@host:5432/database 的形式（密码填在单独的字段中）。")
	}
	if strings.Contains(u.RawQuery, "password=") {
		q := u.Query()
		password = q.Get("password")
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	if u.User != nil {
		if pw, set := u.User.Password(); set {
			password = pw
		}
		u.User = url.User(u.User.Username())
	}
	return u.String(), password, nil
}

// teamLabel names a team database as host/database for banners.
func teamLabel(clean string) string {
	u, err := url.Parse(clean)
	if err != nil {
		return ""
	}
	return u.Host + "/" + strings.Trim(u.Path, "/")
}
