package gateway

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ReasonEndUserBlocked is the code of the 403 for a blocked end user.
const ReasonEndUserBlocked = "end_user_blocked"

// checkEndUser reads the end user the app named and refuses the call when
// that end user is on the blocklist.
func (c *call) checkEndUser() *apiError {
	g := c.g
	c.endUser = strings.TrimSpace(c.r.Header.Get(HeaderEndUser))
	if c.endUser == "" || g.guard == nil {
		return nil
	}
	id, err := g.guard.SafetyIdentifier(c.ev.Member, c.endUser)
	if err != nil {
		g.warnSafetyID(err)
		return nil
	}
	c.subject = id
	if g.cfg.BlocklistThreshold <= 0 {
		return nil
	}
	blocked, err := g.guard.Blocked(c.r.Context(), c.ev.Member, id)
	if err != nil {
		g.log.Warn("read the end-user blocklist", "err", err)
		return nil
	}
	if !blocked {
		return nil
	}
	e := invalidRequest(http.StatusForbidden, ReasonEndUserBlocked, "", fmt.Sprintf(
		"This end user (safety identifier %s) is blocked by Steward's gateway: %d of their requests were flagged "+
			"by moderation in one day. A Steward admin can release them: steward gateway blocklist release %s %s",
		id, g.cfg.BlocklistThreshold, c.ev.Member, id))
	return &e
}

// flagged counts a flagged request or answer against the call's end user,
// and raises an alert when that puts them on the blocklist.
func (c *call) flagged(ctx context.Context) {
	g := c.g
	if g.guard == nil || c.subject == "" {
		return
	}
	blocked, err := g.guard.Flag(context.WithoutCancel(ctx), c.ev.Member, c.subject, g.cfg.BlocklistThreshold)
	if err != nil {
		g.log.Warn("count a flagged request", "err", err)
		return
	}
	if blocked {
		g.alerts.raise(g.now(), AlertEndUserBlocked, "", c.ev.Member, fmt.Sprintf(
			"end user %s of %s is blocked after %d flagged requests today", c.subject, c.ev.Member, g.cfg.BlocklistThreshold))
	}
}

// addsSafetyID reports whether the call gets a safety identifier: member
// token chat and Responses calls, unless the team switched it off.
func (c *call) addsSafetyID() bool {
	return !c.own && c.g.guard != nil && !c.g.cfg.NoSafetyIdentifiers && c.r.Method == http.MethodPost &&
		(c.op == opChat || c.op == opResponses)
}

// setsStoreFalse reports whether the call is a Responses call the team
// wants kept out of OpenAI's storage.
func (c *call) setsStoreFalse() bool {
	return c.g.cfg.ResponsesStoreFalse && c.r.Method == http.MethodPost && c.op == opResponses
}

// wantsWholeBody reports whether the body must be read whole before it is
// forwarded: to send it again to a fallback, or to edit it.
func (c *call) wantsWholeBody() bool {
	if c.r.Method != http.MethodPost {
		return false
	}
	return (!c.own && len(c.g.ups) > 1) || c.addsSafetyID() || c.setsStoreFalse()
}

// editBody adds safety_identifier when absent and sets "store": false when
// the team asks for it. A body the gateway could not read whole, or that
// is not a JSON object, goes as it is.
func (c *call) editBody() {
	if !c.whole || !c.info.parsed {
		return
	}
	if c.addsSafetyID() && !hasMember(c.body, "safety_identifier") {
		id, err := c.g.guard.SafetyIdentifier(c.ev.Member, c.endUser)
		if err != nil {
			c.g.warnSafetyID(err)
		} else {
			c.body, _ = setMember(c.body, "safety_identifier", jsonQuote(id))
		}
	}
	if c.setsStoreFalse() {
		c.body, _ = setMember(c.body, "store", []byte("false"))
	}
}

// warn raises the alerts a finished call calls for: account trouble in its
// answer, and rate-limit headroom under 10%.
func (c *call) warn() {
	g, ev := c.g, &c.ev
	now := g.now()
	if !c.refused && !c.alerted {
		if why, ok := accountTrouble(ev.Status, ev.ErrorType, c.own); ok {
			g.alerts.raise(now, AlertAccountTrouble, ev.Provider, ev.Member, why)
		}
	}
	if c.hasRate {
		if h, low := g.room.update(now, ev.Provider, ev.KeyFingerprint, ev.Model, c.rate); low {
			g.alerts.raise(now, AlertLowHeadroom, ev.Provider, ev.Member, headroomMessage(h))
		}
	}
}

// warnSafetyID logs that a safety identifier could not be made, once per
// attempt to read the secret rather than once per call.
func (g *Gateway) warnSafetyID(err error) {
	if !errors.Is(err, errSecretRetryLater) {
		g.log.Warn("safety identifier unavailable", "err", scrubSecrets(err.Error()))
	}
}
