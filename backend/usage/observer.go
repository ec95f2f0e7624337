package usage

import (
	"strings"

	"steward/backend/openai"
)

// FromCall turns one attempt the app's OpenAI client made into a usage
// event. Every attempt is a call the API counted against the rate limit, so
// retried attempts are events too. The client reports no token counts, so
// they are Unknown; the endpoint gets the "/v1" prefix the gateway's events
// carry.
func FromCall(c openai.CallInfo, source, member string) Event {
	endpoint := c.Endpoint
	if endpoint != "" && !strings.HasPrefix(endpoint, "/v1/") {
		endpoint = "/v1" + endpoint
	}
	return Event{
		Time: c.Time, Source: source, Member: member, KeyFingerprint: c.KeyFingerprint,
		Endpoint: endpoint, Method: c.Method, Model: c.Model, Status: c.Status, ErrorType: c.ErrorType,
		Latency: c.Latency, RequestID: c.RequestID,
		InputTokens: Unknown, CachedTokens: Unknown, OutputTokens: Unknown, ReasoningTokens: Unknown,
	}
}

// Observer logs every call of an openai.Client to rec as source "app",
// attributed to member (the app's user, or ""). Give it to the client with
// openai.WithObserver; it never blocks when rec is a Writer.
func Observer(rec Recorder, member string) openai.CallObserver {
	return openai.ObserverFunc(func(c openai.CallInfo) { rec.Record(FromCall(c, SourceApp, member)) })
}
