package keys

// vaultSteps changes the vault from inside a write transaction and can undo
// those changes when the transaction fails afterwards, so the vault and the
// register never disagree about which keys are held.
type vaultSteps struct {
	v    Vault
	undo []func()
}

// set stores a secret under a new account; undo deletes it again.
func (s *vaultSteps) set(acct, secret string) error {
	if err := s.v.Set(acct, secret); err != nil {
		return scrubErr(err, secret)
	}
	s.undo = append(s.undo, func() { s.v.Delete(acct) })
	return nil
}

// del deletes an account's secret; prev, the secret it held ("" if unknown),
// is put back on undo. A secret already gone is not an error.
func (s *vaultSteps) del(acct, prev string) error {
	err := s.v.Delete(acct)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return scrubErr(err, prev)
	}
	if prev != "" {
		s.undo = append(s.undo, func() { s.v.Set(acct, prev) })
	}
	return nil
}

// get reads an account's secret for a later undo; "" when it is missing.
func (s *vaultSteps) get(acct string) (string, error) {
	v, err := s.v.Get(acct)
	if isNotFound(err) {
		return "", nil
	}
	return v, err
}

// rollback undoes every step, newest first.
func (s *vaultSteps) rollback() {
	for i := len(s.undo) - 1; i >= 0; i-- {
		s.undo[i]()
	}
	s.undo = nil
}
