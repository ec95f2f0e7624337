package keys

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"steward/backend/apperr"
)

// DefaultRotationDays is how long a key may stay in service before it is
// due for rotation, unless the environment's policy says otherwise.
const DefaultRotationDays = 90

// VerifyEveryDays is how long a key may go without a successful check
// before the register flags it.
const VerifyEveryDays = 30

// policyDays returns the rotation period of every environment.
func (r *Register) policyDays(ctx context.Context, q querier) (map[string]int, error) {
	out := map[string]int{}
	for _, e := range Environments {
		out[e] = DefaultRotationDays
	}
	rows, err := q.QueryContext(ctx, `SELECT environment, rotation_days FROM key_policies`)
	if err != nil {
		return nil, fmt.Errorf("read key policies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var env string
		var days int
		if err := rows.Scan(&env, &days); err != nil {
			return nil, fmt.Errorf("read key policies: %w", err)
		}
		out[env] = days
	}
	return out, rows.Err()
}

// Policies returns the rotation period of each environment.
func (r *Register) Policies(ctx context.Context) ([]Policy, error) {
	days, err := r.policyDays(ctx, r.st.Read())
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	rows, err := r.st.Read().QueryContext(ctx, `SELECT environment FROM key_policies`)
	if err != nil {
		return nil, fmt.Errorf("read key policies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var env string
		if err := rows.Scan(&env); err != nil {
			return nil, fmt.Errorf("read key policies: %w", err)
		}
		set[env] = true
	}
	out := make([]Policy, 0, len(Environments))
	for _, e := range Environments {
		out = append(out, Policy{Environment: e, RotationDays: days[e], Default: !set[e]})
	}
	return out, rows.Err()
}

// SetPolicy sets how many days keys in env may stay in service (1 to 3650).
func (r *Register) SetPolicy(ctx context.Context, env string, rotationDays int) (Policy, error) {
	const op = "keys.set_policy"
	env, err := cleanEnv(op, env)
	if err != nil {
		return Policy{}, err
	}
	if rotationDays < 1 || rotationDays > 3650 {
		return Policy{}, apperr.Text(CodeFieldInvalid, op,
			"A rotation period is between 1 and 3650 days.", "轮换周期须在 1 到 3650 天之间。")
	}
	err = r.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO key_policies(environment, rotation_days, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(environment) DO UPDATE SET rotation_days = excluded.rotation_days, updated_at = excluded.updated_at`,
			env, rotationDays, r.stamp())
		return err
	})
	if err != nil {
		return Policy{}, fmt.Errorf("set %s key policy: %w", env, err)
	}
	return Policy{Environment: env, RotationDays: rotationDays}, nil
}

// cleanEnv normalises an environment name and checks it is one we know.
func cleanEnv(op, env string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(env))
	if !slices.Contains(Environments, e) {
		return "", errEnvironment(op, env)
	}
	return e, nil
}
