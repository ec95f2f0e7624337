package benchload

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Measure is what one scenario against one target gave.
type Measure struct {
	Sent, Failed int
	Elapsed      time.Duration
	Lat, TTFB    []time.Duration // per successful request
}

// RPS is requests sent per second.
func (m Measure) RPS() float64 { return float64(m.Sent) / m.Elapsed.Seconds() }

// Merge adds another round's measure to m.
func (m Measure) Merge(o Measure) Measure {
	m.Sent, m.Failed, m.Elapsed = m.Sent+o.Sent, m.Failed+o.Failed, m.Elapsed+o.Elapsed
	m.Lat, m.TTFB = append(m.Lat, o.Lat...), append(m.TTFB, o.TTFB...)
	return m
}

// Pct returns the p-th percentile of ds (sorted in place).
func Pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	i := int(float64(len(ds)-1) * p / 100)
	return ds[i]
}

// NewClient is the load generator's HTTP client: keep-alive connections for
// every worker, nothing compressed.
func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, IdleConnTimeout: 90 * time.Second, DisableCompression: true,
	}}
}

// Endpoint is where requests go: a base URL ending in /v1 and the bearer
// credential to send.
type Endpoint struct{ Base, Cred string }

// One sends a chat completion and reads the whole answer, timing the first
// byte of the body and the end.
func One(c *http.Client, e Endpoint, body []byte) (lat, ttfb time.Duration, err error) {
	req, err := http.NewRequest(http.MethodPost, e.Base+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.Cred)
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	var b [1]byte
	if _, err := io.ReadFull(resp.Body, b[:]); err != nil {
		return 0, 0, fmt.Errorf("read the first byte: %w", err)
	}
	ttfb = time.Since(start)
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, 0, err
	}
	lat = time.Since(start)
	if resp.StatusCode != 200 {
		return lat, ttfb, fmt.Errorf("status %d", resp.StatusCode)
	}
	return lat, ttfb, nil
}

// ClosedLoop runs n requests from conc workers, each sending its next
// request as soon as the last is answered. Worker i sends to
// endpoints[i % len(endpoints)], as a load balancer spreading connections
// would.
func ClosedLoop(c *http.Client, endpoints []Endpoint, body []byte, conc, n int) Measure {
	var mu sync.Mutex
	m := Measure{Lat: make([]time.Duration, 0, n), TTFB: make([]time.Duration, 0, n)}
	next := make(chan struct{}, n)
	for range n {
		next <- struct{}{}
	}
	close(next)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range conc {
		e := endpoints[i%len(endpoints)]
		wg.Go(func() {
			for range next {
				lat, ttfb, err := One(c, e, body)
				mu.Lock()
				m.Sent++
				if err != nil {
					m.Failed++
				} else {
					m.Lat, m.TTFB = append(m.Lat, lat), append(m.TTFB, ttfb)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	m.Elapsed = time.Since(start)
	return m
}

// FixedRate sends n requests one at a time, starting one every 1/rate
// seconds (or at once, if the last took longer).
func FixedRate(c *http.Client, e Endpoint, body []byte, rate, n int) Measure {
	m := Measure{Lat: make([]time.Duration, 0, n), TTFB: make([]time.Duration, 0, n)}
	gap := time.Second / time.Duration(rate)
	start := time.Now()
	for i := range n {
		if d := time.Until(start.Add(time.Duration(i) * gap)); d > 0 {
			time.Sleep(d) // to an absolute schedule, so oversleeping does not add up
		}
		lat, ttfb, err := One(c, e, body)
		m.Sent++
		if err != nil {
			m.Failed++
			continue
		}
		m.Lat, m.TTFB = append(m.Lat, lat), append(m.TTFB, ttfb)
	}
	m.Elapsed = time.Since(start)
	return m
}
