package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"steward/backend/openai"
	"steward/backend/pii"
	"steward/backend/usage"
)

// screens reports whether a member's policy screens calls to op.
func screens(p Policy, op, method string) bool {
	return method == http.MethodPost && (p.PII != PIIOff || p.Moderation == ModerationBlock) && textMembers(op) != nil
}

// screenPII blocks or redacts personal data in the call's text inputs. It
// names the kinds of data found, never the data.
func (c *call) screenPII() *apiError {
	var found []pii.Match
	texts, err := collectTexts(c.body, c.op)
	if err != nil {
		return badJSON(err)
	}
	for _, t := range texts {
		found = append(found, pii.Detect(t)...)
	}
	if len(found) == 0 {
		return nil
	}
	if c.policy.PII == PIIBlock {
		e := invalidRequest(http.StatusBadRequest, ReasonPIIBlocked, textMembers(c.op)[0], fmt.Sprintf(
			"This request contains personal data (%s), and Steward's gateway policy for member %s blocks it. "+
				"Remove it, or ask your Steward admin to switch the policy to redaction.", kinds(found), c.ev.Member))
		return &e
	}
	body, err := editTexts(c.body, c.op, pii.RedactText)
	if err != nil {
		return badJSON(err)
	}
	c.body = body
	return nil
}

// kinds lists the distinct kinds of personal data found: "email, phone".
func kinds(ms []pii.Match) string {
	seen := map[pii.Type]bool{}
	var out []string
	for _, m := range ms {
		if !seen[m.Type] {
			seen[m.Type] = true
			out = append(out, string(m.Type))
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

func badJSON(err error) *apiError {
	e := invalidRequest(http.StatusBadRequest, ReasonBadJSON, "",
		"We could not parse the JSON body of your request, and Steward's gateway must read it to apply "+
			"this member's policy. ("+err.Error()+")")
	return &e
}

// screenModeration asks the upstream's moderation endpoint about the call's
// text inputs and refuses the call if any is flagged. If the endpoint cannot
// answer, the call is refused too: the policy asks for screened inputs only.
func (c *call) screenModeration(ctx context.Context) *apiError {
	texts, err := collectTexts(c.body, c.op)
	if err != nil {
		return badJSON(err)
	}
	if len(texts) == 0 {
		return nil
	}
	res, err := c.moderate(ctx, texts)
	if err != nil {
		e := serverError(http.StatusServiceUnavailable, ReasonModerationFailed,
			"Steward's gateway could not screen this request with the moderation endpoint, which this member's policy requires: "+
				scrubSecrets(err.Error()))
		return &e
	}
	flagged := map[string]bool{}
	for _, r := range res.Results {
		for _, cat := range r.List() {
			if cat.Flagged {
				flagged[cat.Name] = true
			}
		}
		if r.Flagged && len(flagged) == 0 {
			flagged["unspecified"] = true
		}
	}
	if len(flagged) == 0 {
		return nil
	}
	names := make([]string, 0, len(flagged))
	for n := range flagged {
		names = append(names, n)
	}
	sort.Strings(names)
	e := invalidRequest(http.StatusBadRequest, ReasonModerationBlocked, textMembers(c.op)[0], fmt.Sprintf(
		"This request was flagged by moderation (%s), and Steward's gateway policy for member %s blocks flagged inputs.",
		strings.Join(names, ", "), c.ev.Member))
	return &e
}

// moderationTimeout bounds the moderation call a policy makes before a call.
const moderationTimeout = 30 * time.Second

// moderate calls POST {upstream}/moderations with the project's moderation
// types, authenticated as the call itself is, and records the call.
func (c *call) moderate(ctx context.Context, texts []string) (openai.ModerationResponse, error) {
	g := c.g
	ctx, cancel := context.WithTimeout(ctx, min(g.cfg.FirstByteTimeout, moderationTimeout))
	defer cancel()
	start := g.now()
	ev := usage.Event{
		Time: start, Source: usage.SourceGateway, Member: c.ev.Member, KeyFingerprint: c.ev.KeyFingerprint,
		Endpoint: "/v1/moderations", Method: http.MethodPost, Model: openai.DefaultModerationModel,
	}
	defer func() { ev.Latency = g.now().Sub(start); g.record(ev) }()
	body, err := json.Marshal(openai.ModerationRequest{Texts: texts})
	if err != nil {
		return openai.ModerationResponse{}, fmt.Errorf("encode the moderation request: %w", err)
	}
	u := *g.ups[0].base
	u.Path = strings.TrimRight(u.Path, "/") + "/moderations"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return openai.ModerationResponse{}, fmt.Errorf("moderation request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	c.authorize(req.Header)
	resp, err := g.tr.RoundTrip(req)
	if err != nil {
		ev.ErrorType = ReasonUpstreamUnreachable
		return openai.ModerationResponse{}, fmt.Errorf("call %s: %w", u.Redacted(), unwrapURLError(err))
	}
	defer resp.Body.Close()
	ev.Status, ev.RequestID = resp.StatusCode, resp.Header.Get("x-request-id")
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		ev.ErrorType = ReasonUpstreamClosed
		return openai.ModerationResponse{}, fmt.Errorf("read the moderation answer: %w", err)
	}
	if resp.StatusCode >= 300 {
		var t tally
		t.readObject(b)
		ev.ErrorType = t.errType
		return openai.ModerationResponse{}, fmt.Errorf("the moderation endpoint answered %d %s", resp.StatusCode, t.errMsg)
	}
	var out openai.ModerationResponse
	if err := json.Unmarshal(b, &out); err != nil {
		ev.ErrorType = "bad_response"
		return out, fmt.Errorf("read the moderation answer: %w", err)
	}
	ev.Model = out.Model
	return out, nil
}
