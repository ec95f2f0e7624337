package gateway

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// upstream is a provider as the running gateway uses it.
type upstream struct {
	Provider
	base  *url.URL
	azure bool
	keys  *keyCache
	br    breaker
}

// newUpstreams builds the primary from cfg and the fallbacks after it.
func newUpstreams(cfg Config, base *url.URL, primaryKeys *keyCache, fallbacks []Provider, deps Deps) ([]*upstream, error) {
	ups := []*upstream{{
		Provider: Provider{Name: PrimaryName, BaseURL: cfg.Upstream, KeyLabel: cfg.UpstreamKeyLabel, Primary: true, Models: map[string]string{}},
		base:     base, azure: azureHost(base.Hostname()), keys: primaryKeys,
	}}
	for _, p := range fallbacks {
		p, err := p.clean()
		if err != nil {
			return nil, fmt.Errorf("fallback provider %s: %w", p.Name, err)
		}
		u, _ := url.Parse(p.BaseURL)
		ups = append(ups, &upstream{Provider: p, base: u, azure: azureHost(u.Hostname()),
			keys: &keyCache{src: KeyFromVault(deps.Secret, p.KeyLabel), now: deps.Now}})
	}
	return ups, nil
}

// candidate is a provider a call may try, and whether trying it is the
// probe its breaker let through.
type candidate struct {
	up    *upstream
	probe bool
}

// candidates are the providers a call tries, in order. A call with the
// caller's own key, or whose body is too large to send twice, goes to the
// primary only. Providers whose breaker is open are skipped, unless every
// one is.
func (c *call) candidates() []candidate {
	g := c.g
	if c.own || c.rest != nil || len(g.ups) == 1 {
		return []candidate{{up: g.ups[0]}}
	}
	now := g.now()
	out := make([]candidate, 0, len(g.ups))
	for _, u := range g.ups {
		if ok, probe := u.br.claim(now); ok {
			out = append(out, candidate{u, probe})
		}
	}
	if len(out) == 0 {
		for _, u := range g.ups {
			out = append(out, candidate{up: u})
		}
	}
	return out
}

// forward sends the call to each candidate provider in turn until one
// answers in a way that is not its own failure, and streams that answer
// back. Nothing reaches the client before that choice is made.
func (c *call) forward() {
	cands := c.candidates()
	tried := 0
	defer func() {
		for _, cd := range cands[tried:] {
			if cd.probe {
				cd.up.br.release()
			}
		}
	}()
	for i, cd := range cands {
		tried = i + 1
		if c.attempt(cd.up, i == len(cands)-1) {
			return
		}
	}
}

// attempt sends the call to u. It returns false, having sent the client
// nothing, when u failed in a way the next provider should take over.
func (c *call) attempt(u *upstream, last bool) bool {
	g := c.g
	c.up, c.ev.Provider = u, u.Name
	if !c.own {
		key, fp, err := u.keys.get(c.r.Context())
		if err != nil {
			cause := "its key could not be read: " + scrubSecrets(err.Error())
			if c.providerFailed(u, cause, true, last) {
				return false
			}
			c.refuse(serverError(http.StatusServiceUnavailable, ReasonUpstreamKey,
				"Steward's gateway could not read the key of provider "+u.Name+": "+scrubSecrets(err.Error())))
			return true
		}
		c.key, c.ev.KeyFingerprint = key, fp
	}
	ctx, cancel := context.WithCancelCause(c.r.Context())
	defer cancel(nil)
	timer := time.AfterFunc(g.cfg.FirstByteTimeout, func() { cancel(errUpstreamTimeout) })
	defer timer.Stop()
	start := g.now()
	defer func() { c.upTime += g.now().Sub(start) }()
	resp, err := g.tr.RoundTrip(c.upstreamRequest(ctx))
	if err != nil {
		if c.r.Context().Err() == nil && (c.rest == nil || !c.rest.tooBig.Load()) &&
			c.providerFailed(u, connectCause(ctx, err, g.cfg.FirstByteTimeout), false, last) {
			return false
		}
		c.failed(ctx, err)
		return true
	}
	defer resp.Body.Close()
	if cause, account := c.failoverCause(resp); cause != "" {
		if c.providerFailed(u, cause, account, last) {
			return false
		}
	} else if !c.own {
		u.br.success(g.now(), g.now().Sub(start))
	}
	timer.Reset(g.cfg.IdleTimeout)
	c.relay(ctx, resp, timer)
	return true
}

// providerFailed notes u's failure on its breaker and, for member-token
// calls, raises an alert when it is account-level. It reports whether the
// call moves on to the next provider.
func (c *call) providerFailed(u *upstream, cause string, account, last bool) bool {
	if c.own {
		return false // a caller's own key says nothing about the team's providers
	}
	g := c.g
	now := g.now()
	opened := u.br.failure(now, cause, account, g.cfg.BreakerCooldown)
	if account {
		g.alerts.raise(now, AlertAccountTrouble, u.Name, c.ev.Member, cause)
		c.alerted = true
	}
	if opened {
		g.log.Warn("provider breaker opened: calls go to the next provider", "provider", u.Name, "cause", cause,
			"cooldown", g.cfg.BreakerCooldown.String())
	}
	if last {
		return false
	}
	g.stats.failovers.Add(1)
	g.log.Warn("provider failed; trying the next", "provider", u.Name, "cause", cause)
	return true
}

// connectCause describes a call that got no answer at all.
func connectCause(ctx context.Context, err error, timeout time.Duration) string {
	if errors.Is(context.Cause(ctx), errUpstreamTimeout) {
		return "no answer within " + timeout.String()
	}
	return "unreachable: " + unwrapURLError(err).Error()
}

// Error codes that say the account, not the request, is in trouble.
const (
	codeAccountDeactivated = "account_deactivated"
	codeInsufficientQuota  = "insufficient_quota"
	codeUnsupportedRegion  = "unsupported_country_region_territory"
)

// failoverCause says why an answer is the provider's failure rather than
// the request's: an account-level refusal (account is true) or a server
// error. A 400 or a rate limit 429 is the request's, and is delivered.
func (c *call) failoverCause(resp *http.Response) (cause string, account bool) {
	st := resp.StatusCode
	if st >= 500 {
		return fmt.Sprintf("answered %d", st), false
	}
	if st != http.StatusUnauthorized && st != http.StatusForbidden && st != http.StatusTooManyRequests {
		return "", false
	}
	code := peekErrorCode(resp)
	switch {
	case code == codeAccountDeactivated,
		st == http.StatusForbidden && code == codeUnsupportedRegion,
		st == http.StatusTooManyRequests && code == codeInsufficientQuota:
		return fmt.Sprintf("answered %d %s", st, code), true
	case st == http.StatusUnauthorized && !c.own:
		c.up.keys.drop() // the key may have been rotated; read it again next time
		return fmt.Sprintf("answered 401 %s: the team key was refused", cmp.Or(code, "unauthorized")), true
	}
	return "", false
}

// peekErrorCode reads the error code of a small JSON error answer, leaving
// the body as it was for whoever reads it next.
func peekErrorCode(resp *http.Response) string {
	if !isJSON(resp.Header.Get("Content-Type")) {
		return ""
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(head), errReader{err}, resp.Body), resp.Body}
	var t tally
	t.readObject(head)
	return t.errType
}

type readCloser struct {
	io.Reader
	io.Closer
}

// errReader gives err (or nothing, for nil) to the reader after the peeked
// head.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	return 0, io.EOF
}

// bodyFor is the body to send u: a fallback gets the model its map names
// for the model asked for (or for the Azure deployment named in the path).
func (c *call) bodyFor(u *upstream) []byte {
	if u.Primary || !c.info.parsed || c.own {
		return c.body
	}
	asked := cmp.Or(c.info.model, c.deployment)
	to, ok := u.mapModel(asked)
	if !ok && (c.info.model != "" || asked == "") {
		return c.body
	}
	if !ok {
		to = asked
	}
	out, _ := setMember(c.body, "model", jsonQuote(to))
	return out
}

// upstreamPath is the provider path for the call: a fallback always gets
// its base URL plus the operation, even for Azure deployment paths.
func (c *call) fallbackTarget(u *upstream) *url.URL {
	t := *u.base
	t.Path, t.RawPath = strings.TrimRight(t.Path, "/")+c.op, ""
	t.RawQuery = c.r.URL.RawQuery
	return &t
}
