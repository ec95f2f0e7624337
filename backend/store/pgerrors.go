package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"steward/backend/apperr"
)

// Codes of the errors opening a PostgreSQL database. Messages name the
// server, user and database, never the password.
const (
	DatabaseURLInvalid  apperr.Code = "database_url_invalid"
	DatabaseUnreachable apperr.Code = "database_unreachable"
	DatabaseAuth        apperr.Code = "database_auth"
	DatabaseMissing     apperr.Code = "database_missing"
)

// badURL reports a database URL that does not parse, without echoing it
// (it may hold a password).
func badURL(err error, raw string) error {
	return &apperr.Error{Code: DatabaseURLInvalid, Op: "store.open",
		En:  "The database URL cannot be read. Write it as postgres://user@host:5432/database (the password in the vault or STEWARD_DATABASE_URL).",
		Zh:  "无法解析数据库 URL。请写成 postgres://user@host:5432/database 的形式（密码保存在密码库或 STEWARD_DATABASE_URL 中）。",
		Err: errors.New(redact(firstLine(err), raw))}
}

// connectError turns a failed first connection into an error people can
// act on: the server down, a refused login, or a missing database.
func connectError(err error, cfg *pgxpool.Config, target string) error {
	c := cfg.ConnConfig
	where := hostPort(c.Host, c.Port)
	cause := errors.New(redact(err.Error(), c.Password))
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return &apperr.Error{Code: DatabaseAuth, Op: "store.open", Err: cause,
				En: fmt.Sprintf("PostgreSQL at %s refused user %q for database %q: the password or user is wrong, or the server does not let this host in (pg_hba.conf). Check the user and password.", where, c.User, c.Database),
				Zh: fmt.Sprintf("%s 上的 PostgreSQL 拒绝了用户 %q 登录数据库 %q：密码或用户名错误，或服务器不允许此主机连接（pg_hba.conf）。请检查用户名和密码。", where, c.User, c.Database)}
		case "3D000":
			return &apperr.Error{Code: DatabaseMissing, Op: "store.open", Err: cause,
				En: fmt.Sprintf("PostgreSQL at %s has no database %q. Create it (createdb %s) or correct the database URL.", where, c.Database, c.Database),
				Zh: fmt.Sprintf("%s 上的 PostgreSQL 没有数据库 %q。请先创建（createdb %s），或更正数据库 URL。", where, c.Database, c.Database)}
		}
	}
	return &apperr.Error{Code: DatabaseUnreachable, Op: "store.open", Err: cause,
		En: fmt.Sprintf("Cannot reach PostgreSQL at %s (database %q). Check that the server is running and that the host and port in the database URL are right.", where, c.Database),
		Zh: fmt.Sprintf("无法连接 %s 上的 PostgreSQL（数据库 %q）。请确认服务器正在运行，且数据库 URL 中的主机和端口正确。", where, c.Database)}
}

// redact removes secret from s; an empty secret leaves s as it is.
func redact(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "xxxxx")
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
