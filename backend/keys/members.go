package keys

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"steward/backend/apperr"
)

// querier is what both the read pool and a transaction offer.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

const memberCols = `m.id, m.name, m.email, m.role, m.created_at,
	(SELECT count(*) FROM api_keys k WHERE k.member_id = m.id AND k.status IN ('active','rotation_due'))
	FROM members m`

// Members returns the current members by name, with how many keys each holds.
func (r *Register) Members(ctx context.Context) ([]Member, error) {
	rows, err := r.st.Read().QueryContext(ctx, `SELECT `+memberCols+` WHERE m.removed_at = '' ORDER BY lower(m.name), m.id`)
	if err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	defer rows.Close()
	out := []Member{}
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.ID, &m.Name, &m.Email, &m.Role, &m.CreatedAt, &m.ActiveKeys); err != nil {
			return nil, fmt.Errorf("list members: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Member returns the current member with the given name (any case).
func (r *Register) Member(ctx context.Context, name string) (Member, error) {
	return memberByName(ctx, r.st.Read(), "keys.member", name)
}

func memberByName(ctx context.Context, q querier, op, name string) (Member, error) {
	name = strings.TrimSpace(name)
	var m Member
	err := q.QueryRowContext(ctx, `SELECT `+memberCols+` WHERE lower(m.name) = lower(?) AND m.removed_at = ''`, name).
		Scan(&m.ID, &m.Name, &m.Email, &m.Role, &m.CreatedAt, &m.ActiveKeys)
	if errors.Is(err, sql.ErrNoRows) {
		return m, errMemberUnknown(op, name)
	}
	if err != nil {
		return m, fmt.Errorf("find member %q: %w", name, err)
	}
	return m, nil
}

// AddMember adds a member; names are unique among current members, in any case.
func (r *Register) AddMember(ctx context.Context, in MemberInput) (Member, error) {
	const op = "keys.add_member"
	in, err := cleanMember(op, in)
	if err != nil {
		return Member{}, err
	}
	err = r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO members(name, email, role, created_at) VALUES (?, ?, ?, ?)`,
			in.Name, in.Email, in.Role, r.stamp()); err != nil {
			return memberWriteErr(op, in.Name, err)
		}
		return ev.add(EventMemberAdded, 0, "", in.Name, in.Role)
	})
	if err != nil {
		return Member{}, err
	}
	return r.Member(ctx, in.Name)
}

// EditMember changes a member's name, email and role.
func (r *Register) EditMember(ctx context.Context, name string, in MemberInput) (Member, error) {
	const op = "keys.edit_member"
	in, err := cleanMember(op, in)
	if err != nil {
		return Member{}, err
	}
	err = r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		m, err := memberByName(ctx, tx, op, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET name = ?, email = ?, role = ? WHERE id = ?`,
			in.Name, in.Email, in.Role, m.ID); err != nil {
			return memberWriteErr(op, in.Name, err)
		}
		detail := ""
		if m.Name != in.Name {
			detail = "renamed from " + m.Name
		}
		return ev.add(EventMemberEdited, 0, "", in.Name, detail)
	})
	if err != nil {
		return Member{}, err
	}
	return r.Member(ctx, in.Name)
}

func memberWriteErr(op, name string, err error) error {
	if isUniqueViolation(err) {
		return apperr.Text(CodeMemberExists, op,
			fmt.Sprintf("There is already a member named %q.", name),
			fmt.Sprintf("已有名为“%s”的成员。", name))
	}
	return fmt.Errorf("save member %q: %w", name, err)
}

// cleanMember trims and checks what a user typed for a member.
func cleanMember(op string, in MemberInput) (MemberInput, error) {
	in.Name, in.Email, in.Role = strings.TrimSpace(in.Name), strings.TrimSpace(in.Email), strings.TrimSpace(in.Role)
	for _, f := range []struct{ name, value string }{{"name", in.Name}, {"email", in.Email}, {"role", in.Role}} {
		if err := checkText(op, f.name, f.value); err != nil {
			return in, err
		}
	}
	if in.Name == "" {
		return in, errRequired(op, "A member's name", "成员姓名")
	}
	if utf8.RuneCountInString(in.Name) > 100 || utf8.RuneCountInString(in.Role) > 100 {
		return in, apperr.Text(CodeFieldInvalid, op, "Names and roles are limited to 100 characters.",
			"姓名和角色最多 100 个字符。")
	}
	if in.Email != "" {
		a, err := mail.ParseAddress(in.Email)
		if err != nil || a.Address != in.Email {
			return in, apperr.Text(CodeFieldInvalid, op,
				fmt.Sprintf("%q is not an email address.", in.Email),
				fmt.Sprintf("“%s”不是有效的邮箱地址。", in.Email))
		}
	}
	return in, nil
}
