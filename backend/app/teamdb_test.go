package app

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"steward/backend/apperr"
	"steward/backend/store"
	"steward/backend/store/pgtest"
	"steward/backend/usage"
)

// teamServer opens a host on the team database as the team server does
// (--database-url, the password from PGPASSWORD) and logs calls there.
func teamServer(t *testing.T, dbURL, pw string, events ...usage.Event) *Services {
	t.Helper()
	s, err := Open(t.Context(), Options{DataDir: t.TempDir(), DatabaseURL: dbURL, Getenv: func(k string) string {
		if k == "PGPASSWORD" {
			return pw
		}
		return ""
	}})
	if err != nil {
		t.Fatalf("open the team server: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.c.usage.Insert(t.Context(), events); err != nil {
		t.Fatal(err)
	}
	return s
}

func teamEvent(member, model string, in, out int64) usage.Event {
	return usage.Event{Time: time.Now().UTC().Add(-time.Hour), Source: usage.SourceGateway, Member: member,
		Endpoint: "/v1/chat/completions", Method: "POST", Model: model, Status: 200, InputTokens: in, OutputTokens: out}
}

// With Settings → Team database set, the desktop's Usage reports read the
// team's log; the password is in the vault, not the settings table; the
// app's writes are refused; clearing it goes back to the local log.
func TestTeamDatabaseDesktopReadsTheTeamLog(t *testing.T) {
	ctx := t.Context()
	full := pgtest.URL(t)
	dbURL, pw := splitPassword(t, full)
	server := teamServer(t, dbURL, pw, teamEvent("Ann", "gpt-4o-mini", 100, 20), teamEvent("Bo", "gpt-4.1", 7, 3))
	desk := open(t)
	t.Cleanup(func() { desk.c.vault.Delete(TeamDatabaseAccount) })

	st, err := desk.Settings.SetTeamDatabase(ctx, full, "") // the password inside the URL moves to the vault
	if err != nil {
		t.Fatalf("SetTeamDatabase: %v", err)
	}
	if !st.Connected || !st.PasswordSet || st.URL != dbURL || strings.Contains(st.URL, pw) || st.Problem != nil {
		t.Fatalf("status = %+v, want connected, password stored, URL %s without it", st, dbURL)
	}
	if got, err := desk.c.vault.Get(TeamDatabaseAccount); err != nil || got != pw {
		t.Fatalf("the vault holds %v for the team database, want its password", err)
	}
	assertNotInSettings(t, desk, pw)

	rep, err := desk.Usage.Report(ctx, ReportRequest{By: usage.ByMember})
	if err != nil || rep.Totals.Requests != 2 || rep.Totals.InputTokens != 107 || len(rep.Rows) != 2 {
		t.Fatalf("the desktop's report = %+v, %v; want the team's two calls", rep, err)
	}
	var csv bytes.Buffer
	if err := desk.Exports.UsageReport(ctx, &csv, ReportRequest{By: usage.ByModel}, "csv", "en"); err != nil || !strings.Contains(csv.String(), "gpt-4.1") {
		t.Fatalf("the export = %q, %v; want the team's models", csv.String(), err)
	}
	if ser, err := desk.Usage.Series(ctx, "", "", "day"); err != nil || len(ser.Points) == 0 {
		t.Fatalf("series = %+v, %v", ser, err)
	}

	before, _ := server.Usage.Policy(ctx)
	writes := map[string]error{}
	_, writes["SetPrice"] = desk.Usage.SetPrice(ctx, usage.Price{Model: "gpt-4o-mini", InputPerMillion: 99})
	_, writes["ResetPrice"] = desk.Usage.ResetPrice(ctx, "gpt-4o-mini")
	_, writes["SetPolicy"] = desk.Usage.SetPolicy(ctx, usage.DefaultPolicy())
	_, writes["SetKeyMapping"] = desk.Usage.SetKeyMapping(ctx, usage.KeyMapping{APIKeyID: "key_1", Label: "x"})
	writes["DeleteKeyMapping"] = desk.Usage.DeleteKeyMapping(ctx, "key_1")
	_, writes["Reconcile"] = desk.Usage.Reconcile(ctx, "", "")
	for name, err := range writes {
		if !apperr.Is(err, CodeTeamReadOnly) {
			t.Errorf("%s in team mode = %v, want %s", name, err, CodeTeamReadOnly)
		}
	}
	_, zh := apperr.Describe(writes["SetPolicy"], "zh-CN")
	if !strings.Contains(zh, "只读") {
		t.Errorf("the read-only error in Chinese = %q", zh)
	}
	if after, _ := server.Usage.Policy(ctx); after != before {
		t.Errorf("the team's policy changed from %+v to %+v", before, after)
	}

	// The app's own calls still go to the local log, not the team's.
	if err := desk.c.usage.Insert(ctx, []usage.Event{teamEvent("", "gpt-4o-mini", 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if rep, err := server.Usage.Report(ctx, ReportRequest{}); err != nil || rep.Totals.Requests != 2 {
		t.Fatalf("the team's log = %+v, %v; the desktop wrote to it", rep.Totals, err)
	}

	if _, err := desk.Settings.ClearTeamDatabase(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := desk.Settings.TeamDatabase(ctx); err != nil || st.URL != "" || st.PasswordSet {
		t.Fatalf("after clearing = %+v, %v", st, err)
	}
	if _, err := desk.c.vault.Get(TeamDatabaseAccount); err == nil {
		t.Fatal("the password stayed in the vault after clearing")
	}
	if rep, err := desk.Usage.Report(ctx, ReportRequest{}); err != nil || rep.Totals.Requests != 1 {
		t.Fatalf("after clearing the report = %+v, %v; want the local log's one call", rep.Totals, err)
	}
	if _, err := desk.Usage.SetPolicy(ctx, usage.DefaultPolicy()); err != nil {
		t.Fatalf("SetPolicy after clearing = %v", err)
	}
}

// assertNotInSettings fails when secret is in any row of the settings table.
func assertNotInSettings(t *testing.T, s *Services, secret string) {
	t.Helper()
	rows, err := s.c.store.Read().QueryContext(t.Context(), `SELECT key, value FROM settings`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	found := false
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		if k == SettingTeamDatabase {
			found = true
		}
		if strings.Contains(v, secret) {
			t.Fatalf("the settings row %s holds the password", k)
		}
	}
	if !found {
		t.Fatalf("no %s row in the settings table", SettingTeamDatabase)
	}
}

// A wrong password, a missing database, an empty one, one from a newer
// Steward and a bad URL each give their own clear error, and no message
// shows the password.
func TestTeamDatabaseErrors(t *testing.T) {
	ctx := t.Context()
	full := pgtest.URL(t)
	dbURL, pw := splitPassword(t, full)
	teamServer(t, dbURL, pw)
	desk := open(t)
	t.Cleanup(func() { desk.c.vault.Delete(TeamDatabaseAccount) })
	const wrong = "wrong-pass-5531"
	missing := strings.Replace(dbURL, pathOf(t, dbURL), "/no_such_db", 1)
	emptyURL, _ := splitPassword(t, pgtest.URL(t))

	cases := []struct {
		name, url, pw string
		want          apperr.Code
	}{
		{"wrong password", dbURL, wrong, store.DatabaseAuth},
		{"missing database", missing, pw, store.DatabaseMissing},
		{"empty database", emptyURL, pw, CodeTeamEmpty},
		{"not a URL", "host=db user=x", pw, CodeTeamURL},
		{"no database", "postgres://u@127.0.0.1:1/", pw, CodeTeamURL},
	}
	for _, tc := range cases {
		_, err := desk.Settings.TestTeamDatabase(ctx, tc.url, tc.pw)
		if !apperr.Is(err, tc.want) {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
			continue
		}
		for _, lang := range []string{"en", "zh-CN"} {
			_, msg := apperr.Describe(err, lang)
			if msg == "" || strings.Contains(msg, tc.pw) || strings.Contains(err.Error(), tc.pw) {
				t.Errorf("%s (%s): message %q shows the password or is empty", tc.name, lang, msg)
			}
		}
	}

	// Saved with a wrong password: the status says so; the reports fail clearly.
	st, err := desk.Settings.SetTeamDatabase(ctx, dbURL, wrong)
	if err != nil || st.Connected || st.Problem == nil || st.Problem.Code != string(store.DatabaseAuth) || strings.Contains(st.Problem.Message, wrong) {
		t.Fatalf("status with a wrong password = %+v, %v", st, err)
	}
	if _, err := desk.Usage.Report(ctx, ReportRequest{}); !apperr.Is(err, store.DatabaseAuth) {
		t.Fatalf("report with a wrong password = %v", err)
	}
	// The right password (the blank field keeps the stored one until given).
	if st, err := desk.Settings.SetTeamDatabase(ctx, dbURL, pw); err != nil || !st.Connected {
		t.Fatalf("status with the right password = %+v, %v", st, err)
	}
	if _, err := desk.Settings.TestTeamDatabase(ctx, dbURL, ""); err != nil {
		t.Fatalf("test with the stored password = %v", err)
	}

	// A newer Steward's database is refused before anything is changed.
	conn, err := pgx.Connect(ctx, full)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	// An older Steward's database is refused, and the desktop does not migrate it.
	var latest int64
	if err := conn.QueryRow(ctx, `DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations) RETURNING version`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.Settings.TestTeamDatabase(ctx, dbURL, ""); !apperr.Is(err, CodeTeamOlder) {
		t.Fatalf("older schema = %v, want %s", err, CodeTeamOlder)
	}
	desk.c.desk.reset()
	if _, err := desk.Usage.Report(ctx, ReportRequest{}); !apperr.Is(err, CodeTeamOlder) {
		t.Fatalf("report on an older schema = %v, want %s", err, CodeTeamOlder)
	}
	var back int
	if err := conn.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, latest).Scan(&back); err != nil || back != 0 {
		t.Fatalf("the desktop migrated the team database (%d, %v)", back, err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (9999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.Settings.TestTeamDatabase(ctx, dbURL, ""); !apperr.Is(err, apperr.DatabaseNewer) {
		t.Fatalf("newer schema = %v, want %s", err, apperr.DatabaseNewer)
	}
	desk.c.desk.reset() // as when the app starts again
	if _, err := desk.Usage.Report(ctx, ReportRequest{}); !apperr.Is(err, apperr.DatabaseNewer) {
		t.Fatalf("report on a newer schema = %v, want %s", err, apperr.DatabaseNewer)
	}
}

func pathOf(t *testing.T, raw string) string {
	t.Helper()
	i := strings.LastIndex(raw, "/")
	j := strings.Index(raw, "?")
	if j < 0 {
		j = len(raw)
	}
	return raw[i:j]
}
