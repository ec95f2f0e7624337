package gateway

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DrillModel is the model a test or drill asks each provider for, through
// its model map.
const DrillModel = "gpt-4o-mini"

// ProviderCheck is one provider's answer to a small test request.
type ProviderCheck struct {
	Provider  string `json:"provider"`
	BaseURL   string `json:"base_url"`
	Primary   bool   `json:"primary"`
	Model     string `json:"model"` // the model sent, after the provider's map
	OK        bool   `json:"ok"`
	Status    int    `json:"status"` // 0 when no answer came
	LatencyMS int64  `json:"latency_ms"`
	Error     string `json:"error"` // why it failed, for people; never a key
}

// Drill is a failover drill: each provider sent a small request as if the
// primary were down. It passed when a fallback answered; the first
// fallback that did would have taken the traffic. A passing drill is
// evidence for OP-09.
type Drill struct {
	At         string          `json:"at"` // RFC 3339, UTC
	Passed     bool            `json:"passed"`
	AnsweredBy string          `json:"answered_by"` // the fallback that would take the traffic; "" if none
	Summary    string          `json:"summary"`
	Checks     []ProviderCheck `json:"checks"` // the primary first, then the fallbacks in order
}

// Test sends one small chat request to the provider called name.
func (p *Providers) Test(ctx context.Context, cfg Config, name string) (ProviderCheck, error) {
	pr, err := p.Find(ctx, cfg, name)
	if err != nil {
		return ProviderCheck{}, err
	}
	return p.check(ctx, pr), nil
}

// RunDrill tests every provider, keeps the result and returns it.
func (p *Providers) RunDrill(ctx context.Context, cfg Config) (Drill, error) {
	all, err := p.List(ctx, cfg)
	if err != nil {
		return Drill{}, err
	}
	d := Drill{At: stamp(p.now())}
	for _, pr := range all {
		c := p.check(ctx, pr)
		d.Checks = append(d.Checks, c)
		if !pr.Primary && c.OK && d.AnsweredBy == "" {
			d.AnsweredBy = c.Provider
		}
	}
	d.Passed = d.AnsweredBy != ""
	switch {
	case len(all) == 1:
		d.Summary = "No fallback provider is set up: if the primary is down or the account is suspended, every call fails. Add one with \"steward gateway providers add\"."
	case d.Passed:
		var ms int64
		for _, c := range d.Checks {
			if c.Provider == d.AnsweredBy {
				ms = c.LatencyMS
			}
		}
		d.Summary = fmt.Sprintf("With the primary down, %s would answer (%d ms).", d.AnsweredBy, ms)
	default:
		d.Summary = "No fallback provider answered: if the primary went down, every call would fail."
	}
	if err := p.saveDrill(ctx, d); err != nil {
		return d, err
	}
	return d, nil
}

// LastDrill returns the latest drill; ok is false before the first.
func (p *Providers) LastDrill(ctx context.Context) (d Drill, ok bool, err error) {
	var raw string
	err = p.st.Read().QueryRowContext(ctx, `SELECT results FROM gateway_drills ORDER BY id DESC LIMIT 1`).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Drill{}, false, nil
	}
	if err != nil {
		return Drill{}, false, fmt.Errorf("read the last failover drill: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return Drill{}, false, fmt.Errorf("read the last failover drill: %w", err)
	}
	return d, true, nil
}

func (p *Providers) saveDrill(ctx context.Context, d Drill) error {
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("keep the failover drill: %w", err)
	}
	passed := 0
	if d.Passed {
		passed = 1
	}
	err = p.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_drills(at, passed, results) VALUES (?, ?, ?)`, d.At, passed, string(b))
		return err
	})
	if err != nil {
		return fmt.Errorf("keep the failover drill: %w", err)
	}
	return nil
}

// check sends pr a one-token chat completion and times the answer.
func (p *Providers) check(ctx context.Context, pr Provider) ProviderCheck {
	c := ProviderCheck{Provider: pr.Name, Primary: pr.Primary, Model: DrillModel}
	if to, ok := pr.mapModel(DrillModel); ok {
		c.Model = to
	}
	u, err := url.Parse(pr.BaseURL)
	if err != nil {
		c.Error = "bad base URL: " + err.Error()
		return c
	}
	c.BaseURL = u.Redacted()
	if p.secret == nil || pr.KeyLabel == "" {
		c.Error = "no key is set for this provider"
		return c
	}
	key, err := p.secret(ctx, pr.KeyLabel)
	if err != nil {
		c.Error = "its key could not be read: " + scrubSecrets(err.Error())
		return c
	}
	body, _ := json.Marshal(map[string]any{"model": c.Model, "max_tokens": 1,
		"messages": []map[string]string{{"role": "user", "content": "Reply with OK."}}})
	u.Path = strings.TrimRight(u.Path, "/") + opChat
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		c.Error = err.Error()
		return c
	}
	req.Header.Set("Content-Type", "application/json")
	if azureHost(u.Hostname()) {
		req.Header.Set(hdrAPIKey, key)
	} else {
		req.Header.Set(hdrAuthorization, "Bearer "+key)
	}
	start := time.Now()
	resp, err := p.client.Do(req)
	if err != nil {
		c.Error = "unreachable: " + scrubSecrets(unwrapURLError(err).Error())
		return c
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	c.LatencyMS, c.Status = time.Since(start).Milliseconds(), resp.StatusCode
	if resp.StatusCode >= 300 {
		var t tally
		t.readObject(b)
		c.Error = scrubSecrets(fmt.Sprintf("answered %d %s %s", resp.StatusCode, t.errType, t.errMsg))
		return c
	}
	c.OK = true
	return c
}
