// Package usagebench makes realistic usage logs for benchmarks: a team of
// members, each with their own keys and favourite models, calling the API
// through the gateway (and the app making its own moderation and key-check
// calls) evenly across a period, with the usual share of errors and 429s.
// It is deterministic for a given seed.
package usagebench

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"steward/backend/secret"
	"steward/backend/usage"
)

// models are what the team uses; dated snapshots appear beside their family.
func models() []string {
	return []string{
		"gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3", "o4-mini",
		"gpt-5", "gpt-5-mini", "gpt-5-nano", "text-embedding-3-small", "text-embedding-3-large",
	}
}

// Member is one member of the generated team.
type Member struct {
	Name   string
	Keys   []string // fingerprints
	Models []string
}

// Team is a generated team and the app's own key.
type Team struct {
	Members []Member
	AppKey  string
}

// NewTeam makes members with one to three keys and two to four models each.
func NewTeam(r *rand.Rand, members int) Team {
	t := Team{AppKey: secret.Fingerprint("steward-app-key")}
	for i := range members {
		m := Member{Name: fmt.Sprintf("member-%02d", i)}
		for k := range 1 + r.Intn(3) {
			m.Keys = append(m.Keys, secret.Fingerprint(fmt.Sprintf("key-%d-%d", i, k)))
		}
		all := models()
		for _, j := range r.Perm(len(all))[:2+r.Intn(3)] {
			m.Models = append(m.Models, all[j])
		}
		t.Members = append(t.Members, m)
	}
	return t
}

// Event makes one call at at.
func (t Team) Event(r *rand.Rand, at time.Time) usage.Event {
	if r.Intn(100) < 4 {
		return t.appEvent(r, at)
	}
	m := t.Members[r.Intn(len(t.Members))]
	e := usage.Event{Time: at, Source: usage.SourceGateway, Member: m.Name, KeyFingerprint: m.Keys[r.Intn(len(m.Keys))],
		Method: "POST", Model: m.Models[r.Intn(len(m.Models))], RequestID: fmt.Sprintf("req_%016x", r.Uint64()),
		Latency: time.Duration(200+r.Intn(4000)) * time.Millisecond}
	switch {
	case strings.HasPrefix(e.Model, "text-"):
		e.Endpoint = "/v1/embeddings"
		e.InputTokens, e.CachedTokens, e.OutputTokens, e.ReasoningTokens = int64(10+r.Intn(2000)), 0, 0, 0
	default:
		e.Endpoint = "/v1/chat/completions"
		if r.Intn(4) == 0 {
			e.Endpoint = "/v1/responses"
		}
		e.Stream = r.Intn(2) == 0
		if e.Stream {
			e.TimeToFirstByte = time.Duration(150+r.Intn(800)) * time.Millisecond
		}
		in := int64(200 + r.Intn(8000))
		e.InputTokens, e.OutputTokens = in, int64(50+r.Intn(2000))
		if r.Intn(10) < 3 {
			e.CachedTokens = in * int64(r.Intn(80)) / 100
		}
		if strings.HasPrefix(e.Model, "o") || strings.HasPrefix(e.Model, "gpt-5") {
			e.ReasoningTokens = e.OutputTokens * int64(r.Intn(70)) / 100
		}
	}
	outcome(r, &e)
	return e
}

// appEvent is one of the app's own calls: a moderation run or a key check.
func (t Team) appEvent(r *rand.Rand, at time.Time) usage.Event {
	e := usage.Event{Time: at, Source: usage.SourceApp, Member: "admin", KeyFingerprint: t.AppKey,
		Method: "POST", Endpoint: "/v1/moderations", Model: "omni-moderation-latest",
		Latency:     time.Duration(100+r.Intn(500)) * time.Millisecond,
		InputTokens: usage.Unknown, CachedTokens: usage.Unknown, OutputTokens: usage.Unknown, ReasoningTokens: usage.Unknown}
	if r.Intn(5) == 0 {
		e.Method, e.Endpoint, e.Model = "GET", "/v1/models", ""
	}
	outcome(r, &e)
	return e
}

// outcome makes about 3.5% of calls fail: 429s, bad requests, server
// errors and calls that got no answer; failed calls report no tokens.
func outcome(r *rand.Rand, e *usage.Event) {
	e.Status = 200
	switch n := r.Intn(1000); {
	case n < 15:
		e.Status, e.ErrorType = 429, "requests"
	case n < 25:
		e.Status, e.ErrorType = 400, "invalid_request_error"
	case n < 30:
		e.Status, e.ErrorType = 500, "server_error"
	case n < 35:
		e.Status, e.ErrorType = 0, "client_closed"
	default:
		return
	}
	e.InputTokens, e.CachedTokens, e.OutputTokens, e.ReasoningTokens = usage.Unknown, usage.Unknown, usage.Unknown, usage.Unknown
}

// Seed inserts n events spread evenly over [from, to) into dst, batch at
// a time, calling progress (if set) after each batch.
func Seed(ctx context.Context, dst usage.Inserter, team Team, r *rand.Rand, n int, from, to time.Time, batch int, progress func(done int)) error {
	if n <= 0 || !from.Before(to) {
		return nil
	}
	step := max(to.Sub(from)/time.Duration(n), 1)
	events := make([]usage.Event, 0, batch)
	for i := range n {
		at := from.Add(time.Duration(i)*step + time.Duration(r.Int63n(int64(step))))
		events = append(events, team.Event(r, at))
		if len(events) == batch || i == n-1 {
			if err := dst.Insert(ctx, events); err != nil {
				return fmt.Errorf("seed: %w", err)
			}
			events = events[:0]
			if progress != nil {
				progress(i + 1)
			}
		}
	}
	return nil
}
