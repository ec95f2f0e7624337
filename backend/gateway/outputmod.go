package gateway

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// ReasonOutputBlocked is the code of the error that replaces an answer
// output moderation flagged, under a blocking policy.
const ReasonOutputBlocked = "output_moderation_blocked"

// maxModeratedAnswer is the largest answer output moderation reads; a
// larger one passes unread, and the log says so.
const maxModeratedAnswer = 8 << 20

// moderatesOutput reports whether the member's policy screens this answer:
// a successful, non-streamed JSON answer of chat, completions or Responses.
func (c *call) moderatesOutput(resp *http.Response) bool {
	if !c.hasPolicy || c.policy.OutputModeration == "" || c.policy.OutputModeration == OutputModerationOff {
		return false
	}
	return c.r.Method == http.MethodPost && (c.op == opChat || c.op == opCompletions || c.op == opResponses) &&
		resp.StatusCode == http.StatusOK && isJSON(resp.Header.Get("Content-Type")) &&
		(resp.Header.Get("Content-Encoding") == "" || resp.Header.Get("Content-Encoding") == "identity")
}

// relayModerated reads the whole answer, asks the moderation endpoint about
// its text, and then sends it, or under a blocking policy an error in its
// place when it was flagged.
func (c *call) relayModerated(ctx context.Context, resp *http.Response) {
	g := c.g
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxModeratedAnswer+1))
	c.t.readObject(b)
	if err != nil {
		c.ev.ErrorType, c.msg = ReasonUpstreamClosed, "the upstream closed the connection mid-answer: "+err.Error()
		c.abort = true
		return
	}
	c.bodies.add(b)
	if len(b) > maxModeratedAnswer {
		g.log.Warn("answer too large for output moderation; passed unread", "member", c.ev.Member)
		c.sendRead(resp, b, true)
		return
	}
	names, err := c.outputFlags(ctx, answerTexts(b, c.op))
	if err != nil {
		g.log.Warn("output moderation failed; answer passed unscreened", "member", c.ev.Member, "err", scrubSecrets(err.Error()))
	}
	if len(names) == 0 {
		c.sendRead(resp, b, false)
		return
	}
	cats := strings.Join(names, ", ")
	g.alerts.raise(g.now(), AlertOutputFlagged, c.ev.Provider, c.ev.Member, "moderation flagged an answer ("+cats+")")
	if g.guard != nil {
		_ = g.guard.Record(context.WithoutCancel(ctx), GuardEvent{Kind: AlertOutputFlagged, Member: c.ev.Member,
			Subject: c.subject, Provider: c.ev.Provider, Detail: cats})
	}
	c.flagged(ctx)
	if c.policy.OutputModeration != OutputModerationBlock {
		c.sendRead(resp, b, false)
		return
	}
	e := invalidRequest(http.StatusBadRequest, ReasonOutputBlocked, "", fmt.Sprintf(
		"The answer was flagged by moderation (%s), and Steward's gateway policy for member %s withholds flagged answers.",
		cats, c.ev.Member))
	c.ev.Status, c.ev.ErrorType, c.msg = e.Status, e.errorType(), e.Message
	e.write(c.w)
}

// sendRead sends an answer already read whole.
func (c *call) sendRead(resp *http.Response, b []byte, rest bool) {
	copyHeader(c.w.Header(), resp.Header)
	if !rest {
		c.w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	}
	c.w.WriteHeader(resp.StatusCode)
	if _, err := c.w.Write(b); err != nil {
		c.ev.ErrorType, c.msg = ReasonClientClosed, "the client went away mid-answer"
		return
	}
	if rest {
		_, _ = io.Copy(c.w, resp.Body)
	}
}

// outputFlags asks the moderation endpoint about an answer's texts and
// names the categories flagged.
func (c *call) outputFlags(ctx context.Context, texts []string) ([]string, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	res, err := c.moderate(ctx, texts)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, r := range res.Results {
		for _, cat := range r.List() {
			if cat.Flagged {
				set[cat.Name] = true
			}
		}
		if r.Flagged && len(set) == 0 {
			set["unspecified"] = true
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// answerTexts are the generated texts of a chat completion, a completion
// or a Response.
func answerTexts(b []byte, op string) []string {
	var a struct {
		Choices []struct {
			Text    string `json:"text"`
			Message struct {
				Content json.RawMessage `json:"content"`
				Refusal string          `json:"refusal"`
			} `json:"message"`
		} `json:"choices"`
		Output []struct {
			Content []struct {
				Type string `json:"type"`
				Text string `json:"text"`
			} `json:"content"`
		} `json:"output"`
	}
	if json.Unmarshal(b, &a) != nil {
		return nil
	}
	var out []string
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	for _, ch := range a.Choices {
		add(ch.Text)
		var s string
		if json.Unmarshal(ch.Message.Content, &s) == nil {
			add(s)
		}
	}
	for _, o := range a.Output {
		for _, part := range o.Content {
			if part.Type == "output_text" {
				add(part.Text)
			}
		}
	}
	return out
}
