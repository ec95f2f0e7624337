package keys

import "context"

// Screen is the key register as the GUI's Keys screen calls it: the same
// methods without a context (Wails binds plain values), and without Secret
// and Lookup, so no full key can ever be asked for from the frontend.
type Screen struct {
	r   *Register
	ctx func() context.Context
}

// NewScreen wraps the register for binding; ctx supplies the context each
// call runs under (the app's, so calls stop at shutdown), or Background.
func NewScreen(r *Register, ctx func() context.Context) *Screen {
	if ctx == nil {
		ctx = context.Background
	}
	return &Screen{r: r, ctx: ctx}
}

// Members lists the current members.
func (s *Screen) Members() ([]Member, error) { return s.r.Members(s.ctx()) }

// AddMember adds a member.
func (s *Screen) AddMember(in MemberInput) (Member, error) { return s.r.AddMember(s.ctx(), in) }

// EditMember changes a member's name, email and role.
func (s *Screen) EditMember(name string, in MemberInput) (Member, error) {
	return s.r.EditMember(s.ctx(), name, in)
}

// RemoveMember removes a member, revoking or reassigning their keys as decided.
func (s *Screen) RemoveMember(name string, d Decision) error {
	return s.r.RemoveMember(s.ctx(), name, d)
}

// Keys lists every key record, current and past.
func (s *Screen) Keys() ([]Key, error) { return s.r.Keys(s.ctx()) }

// AddKey registers a pasted key for a member.
func (s *Screen) AddKey(in KeyInput, apiKey string) (Key, error) {
	return s.r.AddKey(s.ctx(), in, apiKey)
}

// EditKey changes a current key's label, environment or notes.
func (s *Screen) EditKey(label string, e KeyEdit) (Key, error) { return s.r.EditKey(s.ctx(), label, e) }

// RevokeKey deletes a key's secret from the vault and marks it revoked.
func (s *Screen) RevokeKey(label, reason string) (Key, error) {
	return s.r.RevokeKey(s.ctx(), label, reason)
}

// MarkForRotation marks a key as due for rotation, or takes the mark off.
func (s *Screen) MarkForRotation(label string, due bool) (Key, error) {
	return s.r.MarkForRotation(s.ctx(), label, due)
}

// Rotate replaces a key with its pasted successor.
func (s *Screen) Rotate(label, newKey string) (Key, error) { return s.r.Rotate(s.ctx(), label, newKey) }

// Verify checks a key against the OpenAI API and records the result.
func (s *Screen) Verify(label string) (Key, error) { return s.r.Verify(s.ctx(), label) }

// Places lists where a key must be updated on rotation.
func (s *Screen) Places(label string) ([]Place, error) { return s.r.Places(s.ctx(), label) }

// AddPlace adds a place a key is used.
func (s *Screen) AddPlace(label, place string) (Place, error) {
	return s.r.AddPlace(s.ctx(), label, place)
}

// TickPlace ticks a place off, or unticks it.
func (s *Screen) TickPlace(placeID int64, done bool) (Place, error) {
	return s.r.TickPlace(s.ctx(), placeID, done)
}

// Events returns the key event log, for one label or ("") all.
func (s *Screen) Events(label string) ([]Event, error) { return s.r.Events(s.ctx(), label) }

// Findings computes the hygiene findings.
func (s *Screen) Findings() ([]Finding, error) { return s.r.Findings(s.ctx()) }

// Policies returns each environment's rotation period.
func (s *Screen) Policies() ([]Policy, error) { return s.r.Policies(s.ctx()) }

// SetPolicy sets an environment's rotation period in days.
func (s *Screen) SetPolicy(env string, rotationDays int) (Policy, error) {
	return s.r.SetPolicy(s.ctx(), env, rotationDays)
}

// KeychainStatus reports whether the OS keychain can keep keys: nil, or
// ErrUnavailable saying why and how to fix it.
func (s *Screen) KeychainStatus() error { return CheckKeychain() }
