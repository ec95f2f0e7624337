package gateway

import (
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/openaitest"
)

func TestProvidersAddListRemove(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	p := NewProviders(e.st, ProvidersOptions{Secret: e.reg.Secret})
	models, err := ParseModelMap("gpt-4o-mini=deepseek-chat, gpt-4o=deepseek-reasoner")
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range []Provider{
		{Name: "deepseek", BaseURL: "https://api.deepseek.com/v1/", KeyLabel: "ds", Models: models},
		{Name: "ollama", BaseURL: "http://127.0.0.1:11434/v1", KeyLabel: "local"},
	} {
		if _, err := p.Add(bg, pr); err != nil {
			t.Fatal(err)
		}
	}
	all, err := p.List(bg, Config{Upstream: "https://api.openai.com/v1", UpstreamKeyLabel: "team"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || !all[0].Primary || all[0].KeyLabel != "team" || all[1].Name != "deepseek" ||
		all[1].BaseURL != "https://api.deepseek.com/v1" || all[1].Models["gpt-4o"] != "deepseek-reasoner" || all[2].Name != "ollama" {
		t.Fatalf("list = %+v", all)
	}
	if FormatModelMap(all[1].Models) != "gpt-4o-mini=deepseek-chat,gpt-4o=deepseek-reasoner" {
		t.Fatalf("map = %s", FormatModelMap(all[1].Models))
	}
	if err := p.Remove(bg, "deepseek"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Add(bg, Provider{Name: "qwen", BaseURL: "https://dashscope.aliyuncs.com/compatible-mode/v1", KeyLabel: "qw"}); err != nil {
		t.Fatal(err)
	}
	fb, _ := p.Fallbacks(bg)
	if len(fb) != 2 || fb[0].Name != "ollama" || fb[1].Name != "qwen" {
		t.Fatalf("after remove and add: %+v", fb)
	}
}

func TestProvidersRefuseBadInput(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	p := NewProviders(e.st, ProvidersOptions{})
	if _, err := p.Add(bg, Provider{Name: "a", BaseURL: "https://x.example/v1", KeyLabel: "k"}); err != nil {
		t.Fatal(err)
	}
	for name, pr := range map[string]Provider{
		"NoName":      {BaseURL: "https://x.example/v1", KeyLabel: "k"},
		"Primary":     {Name: "Primary", BaseURL: "https://x.example/v1", KeyLabel: "k"},
		"NoKey":       {Name: "b", BaseURL: "https://x.example/v1"},
		"NotHTTP":     {Name: "b", BaseURL: "ftp://x.example", KeyLabel: "k"},
		"Password":    {Name: "b", BaseURL: "https://u:p@x.example/v1", KeyLabel: "k"},
		"Duplicate":   {Name: "A", BaseURL: "https://x.example/v1", KeyLabel: "k"},
		"SpaceInName": {Name: "my provider", BaseURL: "https://x.example/v1", KeyLabel: "k"},
	} {
		if _, err := p.Add(bg, pr); !apperr.Is(err, CodeProviderInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := p.Remove(bg, "primary"); !apperr.Is(err, CodeProviderInvalid) {
		t.Errorf("remove primary: %v", err)
	}
	if err := p.Remove(bg, "nope"); !apperr.Is(err, CodeProviderNotFound) {
		t.Errorf("remove missing: %v", err)
	}
	if _, err := ParseModelMap("gpt-4o-mini"); !apperr.Is(err, CodeProviderInvalid) {
		t.Errorf("bad map: %v", err)
	}
}

func TestDrill(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	fbKey := testKey(t)
	fb := openaitest.New(t, openaitest.WithKeys(fbKey), openaitest.WithModels("backup-chat"))
	if _, err := e.reg.AddKey(bg, keys.KeyInput{Label: "fb", Member: "Ops", Environment: keys.EnvProd}, fbKey); err != nil {
		t.Fatal(err)
	}
	p := NewProviders(e.st, ProvidersOptions{Secret: e.reg.Secret})
	cfg := Config{Upstream: e.up.URL, UpstreamKeyLabel: "team"}
	if _, ok, _ := p.LastDrill(bg); ok {
		t.Fatal("a drill before any ran")
	}
	d, err := p.RunDrill(bg, cfg)
	if err != nil || d.Passed || !strings.Contains(d.Summary, "No fallback") {
		t.Fatalf("drill without fallbacks = %+v, %v", d, err)
	}
	if _, err := p.Add(bg, Provider{Name: "dead", BaseURL: deadAddr(t), KeyLabel: "fb"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Add(bg, Provider{Name: "backup", BaseURL: fb.URL, KeyLabel: "fb", Models: map[string]string{DrillModel: "backup-chat"}}); err != nil {
		t.Fatal(err)
	}
	d, err = p.RunDrill(bg, cfg)
	if err != nil || !d.Passed || d.AnsweredBy != "backup" || len(d.Checks) != 3 {
		t.Fatalf("drill = %+v, %v", d, err)
	}
	if c := d.Checks[0]; !c.Primary || !c.OK || c.Status != 200 {
		t.Fatalf("primary check = %+v", c)
	}
	if c := d.Checks[1]; c.OK || !strings.Contains(c.Error, "unreachable") {
		t.Fatalf("dead check = %+v", c)
	}
	if c := d.Checks[2]; !c.OK || c.Model != "backup-chat" {
		t.Fatalf("backup check = %+v", c)
	}
	last, ok, err := p.LastDrill(bg)
	if err != nil || !ok || last.AnsweredBy != "backup" || !last.Passed {
		t.Fatalf("last drill = %+v %v %v", last, ok, err)
	}
	// One provider's test; a key the provider refuses fails the test.
	c, err := p.Test(bg, cfg, "backup")
	if err != nil || !c.OK {
		t.Fatalf("test = %+v, %v", c, err)
	}
	if c, err := p.Test(bg, Config{Upstream: fb.URL, UpstreamKeyLabel: "team"}, "primary"); err != nil || c.OK || c.Status != 401 {
		t.Fatalf("test with a refused key = %+v, %v", c, err)
	}
	if _, err := p.Test(bg, cfg, "nope"); !apperr.Is(err, CodeProviderNotFound) {
		t.Fatalf("test of a missing provider: %v", err)
	}
}
