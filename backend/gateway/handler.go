package gateway

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"steward/backend/secret"
	"steward/backend/usage"
)

// call is one request on its way through the gateway.
type call struct {
	g  *Gateway
	w  http.ResponseWriter
	r  *http.Request
	ev usage.Event

	op         string    // API operation, e.g. "/chat/completions"
	deployment string    // Azure deployment named in the path
	own        bool      // the request carries the caller's own OpenAI key
	clientAuth string    // the header the client authenticated with
	key        string    // the upstream key swapped in for a member token
	up         *upstream // the provider the call is going to
	endUser    string    // the end user the app named in HeaderEndUser
	subject    string    // that end user's safety identifier
	rate       rateHeaders
	hasRate    bool
	alerted    bool // an account-trouble alert was raised for this call already
	policy     Policy
	hasPolicy  bool

	body  []byte // the body read ahead: all of it when whole
	whole bool
	rest  *cappedBody // the unread rest, when not whole
	info  reqInfo

	t       tally
	bodies  bodyLog
	msg     string // what went wrong, for Stats
	refused bool   // the gateway answered the call itself
	abort   bool   // cut the client's connection, as the upstream cut ours

	upTime time.Duration // spent on upstream attempts, relaying included (for /metrics)
}

// ServeHTTP forwards one call and records it.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.bg.Add(1)
	defer g.bg.Done()
	c := &call{g: g, w: w, r: r, up: g.ups[0]}
	c.bodies.on = g.bodies != nil && g.bodies()
	c.ev = usage.Event{
		Time: g.now(), Source: usage.SourceGateway, Endpoint: r.URL.Path, Method: r.Method,
	}
	g.stats.begin()
	defer c.finish()
	if e := c.prepare(); e != nil {
		c.refuse(*e)
		return
	}
	c.forward()
}

// prepare routes, authenticates, reads the body and applies the caller's
// policy; a non-nil result is the answer to refuse the call with.
func (c *call) prepare() *apiError {
	if why := canonicalPath(c.r); why != "" {
		e := badPath(c.r, why)
		return &e
	}
	op, dep, ok := route(c.r.URL.Path)
	if !ok {
		e := invalidRequest(http.StatusNotFound, ReasonNotFound, "", fmt.Sprintf(
			"Invalid URL (%s %s). Steward's gateway serves the OpenAI API under /v1/.", c.r.Method, c.r.URL.Path))
		return &e
	}
	c.op, c.deployment = op, dep
	c.ev.Endpoint, c.ev.Model = "/v1"+op, dep
	if e := c.authenticate(); e != nil {
		return e
	}
	if e := c.checkEndUser(); e != nil {
		return e
	}
	if e := c.limit(); e != nil {
		return e
	}
	if e := c.readBody(); e != nil {
		return e
	}
	return c.enforce()
}

// authenticate accepts a member token (swapping in the upstream key) or an
// OpenAI key of the caller's own (passed through, attributed by its
// fingerprint), then looks up the member's policy.
func (c *call) authenticate() *apiError {
	cred, header := credential(c.r.Header)
	c.clientAuth = header
	var e *apiError
	switch {
	case strings.HasPrefix(cred, TokenPrefix):
		e = c.memberToken(cred)
	case strings.HasPrefix(cred, "sk-"):
		c.own = true
		c.ev.KeyFingerprint = secret.Fingerprint(cred)
		c.ev.Member = c.g.owners.member(c.ev.KeyFingerprint)
	default:
		u := unauthorized(cred)
		e = &u
	}
	if e != nil {
		return e
	}
	p, ok, err := c.g.access.policyFor(c.r.Context(), c.ev.Member)
	if err != nil {
		c.g.log.Warn("read gateway policies", "err", err)
		e := serverError(http.StatusServiceUnavailable, "policy_check_failed",
			"Steward's gateway could not read its policies. Try again shortly.")
		return &e
	}
	c.policy, c.hasPolicy = p, ok
	return nil
}

// memberToken names the token's member, notes the token's use and fetches
// the upstream key to send in its place.
func (c *call) memberToken(cred string) *apiError {
	g := c.g
	tok, err := g.access.authenticate(c.r.Context(), cred)
	if err != nil {
		g.log.Warn("member token check failed", "err", err)
		e := serverError(http.StatusServiceUnavailable, "token_check_failed",
			"Steward's gateway could not check the member token. Try again shortly.")
		return &e
	}
	if tok.member == "" {
		e := unauthorized(cred)
		return &e
	}
	c.ev.Member = tok.member
	if now := g.now(); g.access.dueForTouch(tok.hash, now) {
		g.bg.Add(1)
		go func() {
			defer g.bg.Done()
			if err := g.access.touch(context.WithoutCancel(c.r.Context()), tok.id, now); err != nil {
				g.log.Warn("record token use", "err", err)
			}
		}()
	}
	key, fp, err := g.keys.get(c.r.Context())
	if err != nil {
		e := serverError(http.StatusServiceUnavailable, ReasonUpstreamKey,
			"Steward's gateway could not read its upstream API key: "+scrubSecrets(err.Error()))
		return &e
	}
	c.key, c.ev.KeyFingerprint = key, fp
	return nil
}

// limit applies the member's requests-per-minute and tokens-per-day limits.
func (c *call) limit() *apiError {
	if !c.hasPolicy {
		return nil
	}
	p, h := c.policy, c.w.Header()
	if p.RequestsPerMinute > 0 {
		if ok, _, wait := c.g.limits.takeRequest(c.ev.Member, p.RequestsPerMinute); !ok {
			e := rateLimited(h, "requests", c.ev.Member, int64(p.RequestsPerMinute), wait)
			return &e
		}
	}
	if p.TokensPerDay > 0 {
		if used, reset := c.g.limits.tokensToday(c.r.Context(), c.ev.Member); used >= p.TokensPerDay {
			e := rateLimited(h, "tokens", c.ev.Member, p.TokensPerDay, reset)
			return &e
		}
	}
	return nil
}

// enforce applies the allowed models, the personal data screen and
// moderation, and adds include_usage when configured to.
func (c *call) enforce() *apiError {
	if c.hasPolicy && len(c.policy.AllowedModels) > 0 {
		model := cmp.Or(c.info.model, c.deployment)
		if model == "" && !c.whole {
			e := tooLarge(sniffHead, ": the gateway could not find the model it must check within the first part")
			return &e
		}
		if model != "" && !c.policy.allows(model) {
			e := invalidRequest(http.StatusForbidden, ReasonModelNotAllowed, "model", fmt.Sprintf(
				"The model %q is not allowed for member %s by Steward's gateway policy. Allowed: %s.",
				model, c.ev.Member, strings.Join(c.policy.AllowedModels, ", ")))
			return &e
		}
	}
	if c.screened() {
		if !c.whole {
			e := tooLarge(c.g.cfg.PolicyBodyBytes, " when a policy must read it")
			return &e
		}
		if !c.info.parsed {
			return badJSON(errNotObject)
		}
		if c.policy.PII != PIIOff {
			if e := c.screenPII(); e != nil {
				return e
			}
		}
		if c.policy.Moderation == ModerationBlock {
			if e := c.screenModeration(c.r.Context()); e != nil {
				if e.Code == ReasonModerationBlocked {
					c.flagged(c.r.Context())
				}
				return e
			}
		}
	}
	if c.g.cfg.AddIncludeUsage && c.whole && c.info.stream && !c.info.includeUsage &&
		(c.op == opChat || c.op == opCompletions) {
		c.body = withIncludeUsage(c.body, parseRequest(c.body, true)) // offsets as screening left the body
	}
	c.editBody()
	return nil
}

// screened reports whether the member's policy screens this call's text.
func (c *call) screened() bool {
	return c.hasPolicy && screens(c.policy, c.op, c.r.Method)
}

// refuse answers the call with the gateway's own error.
func (c *call) refuse(e apiError) {
	c.refused = true
	c.ev.Status, c.ev.ErrorType, c.msg = e.Status, e.errorType(), e.Message
	e.write(c.w)
}

// mayUseTokens reports whether the call may have consumed tokens: a call to
// a billable operation that the upstream accepted, or that ended without a
// complete answer. Error answers consume none.
func (c *call) mayUseTokens() bool {
	if c.refused || c.r.Method != http.MethodPost || !billable(c.op) {
		return false
	}
	switch c.ev.ErrorType {
	case ReasonUpstreamTimeout, ReasonUpstreamClosed, ReasonClientClosed:
		return true
	}
	return c.ev.Status < 300
}

// finish records the call, counts it, and cuts the client off if the
// upstream cut the gateway off mid-answer.
func (c *call) finish() {
	g := c.g
	ev := &c.ev
	ev.Latency = g.now().Sub(ev.Time)
	c.t.apply(ev, c.mayUseTokens())
	if ev.Model == "" {
		ev.Model = c.info.model
	}
	c.fillBodies()
	if c.msg == "" {
		c.msg = c.t.errMsg
	}
	c.warn()
	g.record(*ev)
	c.observe()
	if c.hasPolicy && c.policy.TokensPerDay > 0 && ev.InputTokens > 0 {
		g.limits.addTokens(ev.Member, ev.InputTokens+max(ev.OutputTokens, 0))
	}
	g.stats.end(ev, c.refused, c.msg)
	g.stats.metrics.observe(ev, c.refused, c.upTime)
	if c.abort {
		panic(http.ErrAbortHandler)
	}
}
