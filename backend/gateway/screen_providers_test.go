package gateway

import (
	"context"
	"net/http"
	"testing"

	"steward/backend/keys"
	"steward/backend/openaitest"
)

// The Gateway screen lists providers with their state, adds, tests and
// removes them, runs a drill, and its gateway fails over to what it added.
func TestScreenProviderPanel(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	fbKey := testKey(t)
	fb := openaitest.New(t, openaitest.WithKeys(fbKey))
	if _, err := e.reg.AddKey(bg, keys.KeyInput{Label: "fb", Member: "Ops", Environment: keys.EnvProd}, fbKey); err != nil {
		t.Fatal(err)
	}
	if _, err := e.access.SaveConfig(bg, Config{Listen: "127.0.0.1:0", Upstream: deadAddr(t), UpstreamKeyLabel: "team"}); err != nil {
		t.Fatal(err)
	}
	s := NewScreen(Deps{Access: e.access, Secret: e.reg.Secret, Recorder: e.rec}, func() context.Context { return bg })
	if _, err := s.AddProvider("backup", fb.URL, "fb", "gpt-4o-mini=gpt-4o"); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Providers()
	if err != nil || len(ps) != 2 || ps[1].Name != "backup" || ps[1].State != StateHealthy || ps[1].Models["gpt-4o-mini"] != "gpt-4o" {
		t.Fatalf("providers = %+v, %v", ps, err)
	}
	if c, err := s.TestProvider("backup"); err != nil || !c.OK {
		t.Fatalf("test = %+v, %v", c, err)
	}
	d, err := s.RunDrill()
	if err != nil || !d.Passed || d.AnsweredBy != "backup" {
		t.Fatalf("drill = %+v, %v", d, err)
	}
	if last, err := s.LastDrill(); err != nil || last.At != d.At {
		t.Fatalf("last drill = %+v, %v", last, err)
	}
	st, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	e.root = "http://" + st.Listen
	req, _ := http.NewRequestWithContext(bg, http.MethodGet, st.BaseURL+"/models", nil)
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	if resp, body := send(t, req); resp.StatusCode != 200 {
		t.Fatalf("call with the primary down: %d %s", resp.StatusCode, body)
	}
	if ps, _ := s.Providers(); ps[0].Failures != 1 {
		t.Fatalf("live state = %+v", ps)
	}
	if err := s.RemoveProvider("backup"); err != nil {
		t.Fatal(err)
	}
}
