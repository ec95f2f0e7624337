package gateway

// The Gateway screen's provider panel: the fallback list, tests, drills.

// providerList is the provider service each call uses: the one set with
// UseProviders, or one over the access register's store.
func (s *Screen) providerList() *Providers {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.providers == nil {
		s.providers = NewProviders(s.deps.Access.st, ProvidersOptions{Secret: s.deps.Secret, Now: s.deps.Now})
	}
	return s.providers
}

// Providers lists the primary and the fallbacks as stored, each with the
// running gateway's live state when it has one (a fallback added since
// the gateway started shows healthy until it restarts).
func (s *Screen) Providers() ([]ProviderState, error) {
	cfg, err := s.deps.Access.SavedConfig(s.ctx())
	if err != nil {
		return nil, err
	}
	all, err := s.providerList().List(s.ctx(), cfg)
	if err != nil {
		return nil, err
	}
	live := map[string]ProviderState{}
	s.mu.Lock()
	gw := s.gw
	s.mu.Unlock()
	if gw != nil && s.isRunning(gw) {
		for _, p := range gw.ProviderStates() {
			live[p.Name] = p
		}
	}
	out := make([]ProviderState, 0, len(all))
	for _, p := range all {
		st, ok := live[p.Name]
		if !ok {
			st = ProviderState{State: StateHealthy}
		}
		st.Provider = p
		out = append(out, st)
	}
	return out, nil
}

// AddProvider appends a fallback provider; models is written FROM=TO,...
func (s *Screen) AddProvider(name, baseURL, keyLabel, models string) (Provider, error) {
	m, err := ParseModelMap(models)
	if err != nil {
		return Provider{}, err
	}
	return s.providerList().Add(s.ctx(), Provider{Name: name, BaseURL: baseURL, KeyLabel: keyLabel, Models: m})
}

// RemoveProvider removes a fallback provider.
func (s *Screen) RemoveProvider(name string) error { return s.providerList().Remove(s.ctx(), name) }

// TestProvider sends one small request to a provider.
func (s *Screen) TestProvider(name string) (ProviderCheck, error) {
	cfg, err := s.deps.Access.SavedConfig(s.ctx())
	if err != nil {
		return ProviderCheck{}, err
	}
	return s.providerList().Test(s.ctx(), cfg, name)
}

// RunDrill tests every provider as if the primary were down and keeps
// the result as evidence.
func (s *Screen) RunDrill() (Drill, error) {
	cfg, err := s.deps.Access.SavedConfig(s.ctx())
	if err != nil {
		return Drill{}, err
	}
	return s.providerList().RunDrill(s.ctx(), cfg)
}

// LastDrill is the latest drill, or a zero Drill (empty At) before the first.
func (s *Screen) LastDrill() (Drill, error) {
	d, _, err := s.providerList().LastDrill(s.ctx())
	return d, err
}

func (s *Screen) isRunning(gw *Gateway) bool {
	select {
	case <-gw.Done():
		return false
	default:
		return gw.Addr() != ""
	}
}
