package app

import (
	"context"

	"steward/backend/checks"
	"steward/backend/keys"
)

// Keys is the key register: members, keys, rotation and hygiene. It never
// hands out a full key; Secret and Lookup stay inside the application layer.
type Keys struct{ c *core }

// Members lists the current members.
func (k *Keys) Members(ctx context.Context) ([]keys.Member, error) { return k.c.keys.Members(ctx) }

// AddMember adds a member.
func (k *Keys) AddMember(ctx context.Context, in keys.MemberInput) (keys.Member, error) {
	v, err := k.c.keys.AddMember(ctx, in)
	return v, k.c.done(checks.SourceKeys, err)
}

// EditMember changes a member's name, email and role.
func (k *Keys) EditMember(ctx context.Context, name string, in keys.MemberInput) (keys.Member, error) {
	v, err := k.c.keys.EditMember(ctx, name, in)
	return v, k.c.done(checks.SourceKeys, err)
}

// RemoveMember removes a member, revoking or reassigning their keys as decided.
func (k *Keys) RemoveMember(ctx context.Context, name string, d keys.Decision) error {
	return k.c.done(checks.SourceKeys, k.c.keys.RemoveMember(ctx, name, d))
}

// Keys lists every key record, current and past.
func (k *Keys) Keys(ctx context.Context) ([]keys.Key, error) { return k.c.keys.Keys(ctx) }

// AddKey registers a pasted key for a member.
func (k *Keys) AddKey(ctx context.Context, in keys.KeyInput, apiKey string) (keys.Key, error) {
	v, err := k.c.keys.AddKey(ctx, in, apiKey)
	return v, k.c.done(checks.SourceKeys, err)
}

// EditKey changes a current key's label, environment or notes.
func (k *Keys) EditKey(ctx context.Context, label string, e keys.KeyEdit) (keys.Key, error) {
	v, err := k.c.keys.EditKey(ctx, label, e)
	return v, k.c.done(checks.SourceKeys, err)
}

// RevokeKey deletes a key's secret from the vault and marks it revoked.
func (k *Keys) RevokeKey(ctx context.Context, label, reason string) (keys.Key, error) {
	v, err := k.c.keys.RevokeKey(ctx, label, reason)
	return v, k.c.done(checks.SourceKeys, err)
}

// MarkForRotation marks a key as due for rotation, or takes the mark off.
func (k *Keys) MarkForRotation(ctx context.Context, label string, due bool) (keys.Key, error) {
	v, err := k.c.keys.MarkForRotation(ctx, label, due)
	return v, k.c.done(checks.SourceKeys, err)
}

// Rotate replaces a key with its pasted successor.
func (k *Keys) Rotate(ctx context.Context, label, newKey string) (keys.Key, error) {
	v, err := k.c.keys.Rotate(ctx, label, newKey)
	return v, k.c.done(checks.SourceKeys, err)
}

// Verify checks a key against the API at the base URL and records the result.
func (k *Keys) Verify(ctx context.Context, label string) (keys.Key, error) {
	v, err := k.c.keys.Verify(ctx, label)
	return v, k.c.done(checks.SourceKeys, err)
}

// Places lists where a key must be updated on rotation.
func (k *Keys) Places(ctx context.Context, label string) ([]keys.Place, error) {
	return k.c.keys.Places(ctx, label)
}

// AddPlace adds a place a key is used.
func (k *Keys) AddPlace(ctx context.Context, label, place string) (keys.Place, error) {
	return k.c.keys.AddPlace(ctx, label, place)
}

// TickPlace ticks a place off, or unticks it.
func (k *Keys) TickPlace(ctx context.Context, placeID int64, done bool) (keys.Place, error) {
	return k.c.keys.TickPlace(ctx, placeID, done)
}

// Events returns the key event log, for one label or ("") all.
func (k *Keys) Events(ctx context.Context, label string) ([]keys.Event, error) {
	return k.c.keys.Events(ctx, label)
}

// Findings computes the hygiene findings.
func (k *Keys) Findings(ctx context.Context) ([]keys.Finding, error) {
	return teamRegister{k.c.keys, k.c.org}.Findings(ctx)
}

// Policies returns each environment's rotation period.
func (k *Keys) Policies(ctx context.Context) ([]keys.Policy, error) { return k.c.keys.Policies(ctx) }

// SetPolicy sets an environment's rotation period in days.
func (k *Keys) SetPolicy(ctx context.Context, env string, rotationDays int) (keys.Policy, error) {
	v, err := k.c.keys.SetPolicy(ctx, env, rotationDays)
	return v, k.c.done(checks.SourceKeys, err)
}
