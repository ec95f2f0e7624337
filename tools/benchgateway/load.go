package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"
)

// measure is what one scenario against one target gave.
type measure struct {
	sent, failed int
	elapsed      time.Duration
	lat, ttfb    []time.Duration // per successful request
}

func (m measure) rps() float64 { return float64(m.sent) / m.elapsed.Seconds() }

// merge adds another round's measure to m.
func (m measure) merge(o measure) measure {
	m.sent, m.failed, m.elapsed = m.sent+o.sent, m.failed+o.failed, m.elapsed+o.elapsed
	m.lat, m.ttfb = append(m.lat, o.lat...), append(m.ttfb, o.ttfb...)
	return m
}

// pct returns the p-th percentile of ds (sorted in place).
func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	i := int(float64(len(ds)-1) * p / 100)
	return ds[i]
}

// client is the load generator's HTTP client: keep-alive connections for
// every worker, nothing compressed.
func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, IdleConnTimeout: 90 * time.Second, DisableCompression: true,
	}}
}

// one sends a chat completion and reads the whole answer, timing the first
// byte of the body and the end.
func one(c *http.Client, t *target, body []byte) (lat, ttfb time.Duration, err error) {
	req, err := http.NewRequest(http.MethodPost, t.base+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+t.cred)
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

// closedLoop runs n requests from conc workers, each sending its next
// request as soon as the last is answered.
func closedLoop(c *http.Client, t *target, body []byte, conc, n int) measure {
	var mu sync.Mutex
	m := measure{lat: make([]time.Duration, 0, n), ttfb: make([]time.Duration, 0, n)}
	next := make(chan struct{}, n)
	for range n {
		next <- struct{}{}
	}
	close(next)
	var wg sync.WaitGroup
	start := time.Now()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				lat, ttfb, err := one(c, t, body)
				mu.Lock()
				m.sent++
				if err != nil {
					m.failed++
				} else {
					m.lat, m.ttfb = append(m.lat, lat), append(m.ttfb, ttfb)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	m.elapsed = time.Since(start)
	return m
}

// fixedRate sends n requests one at a time, starting one every 1/rate
// seconds (or at once, if the last took longer).
func fixedRate(c *http.Client, t *target, body []byte, rate, n int) measure {
	m := measure{lat: make([]time.Duration, 0, n), ttfb: make([]time.Duration, 0, n)}
	gap := time.Second / time.Duration(rate)
	start := time.Now()
	for i := range n {
		if d := time.Until(start.Add(time.Duration(i) * gap)); d > 0 {
			time.Sleep(d) // to an absolute schedule, so oversleeping does not add up
		}
		lat, ttfb, err := one(c, t, body)
		m.sent++
		if err != nil {
			m.failed++
			continue
		}
		m.lat, m.ttfb = append(m.lat, lat), append(m.ttfb, ttfb)
	}
	m.elapsed = time.Since(start)
	return m
}
