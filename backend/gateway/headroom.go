package gateway

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"
)

// lowHeadroom is the share of a rate limit left under which the gateway
// raises an alert.
const lowHeadroom = 0.10

// Headroom is how much of its rate limits a key had left for a model, as
// the provider's last answer said in its x-ratelimit-* headers.
type Headroom struct {
	Provider          string  `json:"provider"`
	KeyFingerprint    string  `json:"key_fingerprint"`
	Model             string  `json:"model"`
	LimitRequests     int64   `json:"limit_requests"` // -1 when not reported
	RemainingRequests int64   `json:"remaining_requests"`
	LimitTokens       int64   `json:"limit_tokens"`
	RemainingTokens   int64   `json:"remaining_tokens"`
	Percent           float64 `json:"percent"` // the smaller share left, 0–100
	Low               bool    `json:"low"`     // under 10% left
	At                string  `json:"at"`      // RFC 3339, UTC
}

// rateHeaders are the x-ratelimit-* values of one answer.
type rateHeaders struct {
	limReq, remReq, limTok, remTok int64
}

// readRateHeaders reads the rate-limit headers; ok is false when the
// answer had none.
func readRateHeaders(h http.Header) (rateHeaders, bool) {
	n := func(k string) int64 {
		v, err := strconv.ParseInt(h.Get(k), 10, 64)
		if err != nil || v < 0 {
			return -1
		}
		return v
	}
	r := rateHeaders{n("x-ratelimit-limit-requests"), n("x-ratelimit-remaining-requests"),
		n("x-ratelimit-limit-tokens"), n("x-ratelimit-remaining-tokens")}
	return r, (r.limReq > 0 && r.remReq >= 0) || (r.limTok > 0 && r.remTok >= 0)
}

// percent is the smaller share left of the limits reported, 0–100.
func (r rateHeaders) percent() float64 {
	p := 100.0
	if r.limReq > 0 && r.remReq >= 0 {
		p = min(p, 100*float64(r.remReq)/float64(r.limReq))
	}
	if r.limTok > 0 && r.remTok >= 0 {
		p = min(p, 100*float64(r.remTok)/float64(r.limTok))
	}
	return p
}

// headroomBook keeps the latest headroom per provider, key and model.
type headroomBook struct {
	mu sync.Mutex
	m  map[[3]string]Headroom
}

// update records r and reports whether it newly fell under lowHeadroom.
func (b *headroomBook) update(now time.Time, provider, fp, model string, r rateHeaders) (Headroom, bool) {
	p := r.percent()
	h := Headroom{Provider: provider, KeyFingerprint: fp, Model: model, LimitRequests: r.limReq,
		RemainingRequests: r.remReq, LimitTokens: r.limTok, RemainingTokens: r.remTok,
		Percent: float64(int(p*10)) / 10, Low: p < lowHeadroom*100, At: now.UTC().Format(time.RFC3339)}
	k := [3]string{provider, fp, model}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[[3]string]Headroom{}
	}
	was, seen := b.m[k]
	b.m[k] = h
	return h, h.Low && (!seen || !was.Low)
}

// snapshot lists the headroom, lowest first.
func (b *headroomBook) snapshot() []Headroom {
	b.mu.Lock()
	out := make([]Headroom, 0, len(b.m))
	for _, h := range b.m {
		out = append(out, h)
	}
	b.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Percent != out[j].Percent {
			return out[i].Percent < out[j].Percent
		}
		return out[i].Provider+out[i].Model < out[j].Provider+out[j].Model
	})
	return out
}

// headroomMessage is the alert text for low headroom.
func headroomMessage(h Headroom) string {
	fp := h.KeyFingerprint
	if len(fp) > 12 {
		fp = fp[:12]
	}
	return fmt.Sprintf("key %s has %.1f%% of its rate limit left for %s (requests %d/%d, tokens %d/%d)",
		fp, h.Percent, h.Model, h.RemainingRequests, h.LimitRequests, h.RemainingTokens, h.LimitTokens)
}
