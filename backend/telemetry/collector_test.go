package telemetry

import (
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	colmetricpb "go.opentelemetry.io/proto/otlp/collector/metrics/v1"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	metricpb "go.opentelemetry.io/proto/otlp/metrics/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// collector is a local OTLP/HTTP receiver: it decodes the protobuf
// requests the SDK's exporters send and keeps what they carry.
type collector struct {
	URL string
	mu  sync.Mutex
	raw [][]byte // every request body, to check nothing secret went out
	rs  []*tracepb.ResourceSpans
	rm  []*metricpb.ResourceMetrics
}

func newCollector(t testing.TB) *collector {
	t.Helper()
	c := &collector{}
	srv := httptest.NewServer(http.HandlerFunc(c.serve(t)))
	t.Cleanup(srv.Close)
	c.URL = srv.URL
	return c
}

func (c *collector) serve(t testing.TB) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		var body io.Reader = r.Body
		if r.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(r.Body)
			if err != nil {
				t.Errorf("collector: gzip: %v", err)
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			body = zr
		}
		b, err := io.ReadAll(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/x-protobuf" {
			t.Errorf("collector: Content-Type %q", ct)
		}
		var resp proto.Message
		c.mu.Lock()
		c.raw = append(c.raw, b)
		switch r.URL.Path {
		case "/v1/traces":
			var req coltracepb.ExportTraceServiceRequest
			err = proto.Unmarshal(b, &req)
			c.rs = append(c.rs, req.ResourceSpans...)
			resp = &coltracepb.ExportTraceServiceResponse{}
		case "/v1/metrics":
			var req colmetricpb.ExportMetricsServiceRequest
			err = proto.Unmarshal(b, &req)
			c.rm = append(c.rm, req.ResourceMetrics...)
			resp = &colmetricpb.ExportMetricsServiceResponse{}
		default:
			t.Errorf("collector: unexpected path %s", r.URL.Path)
		}
		c.mu.Unlock()
		if err != nil || resp == nil {
			t.Errorf("collector: decode %s: %v", r.URL.Path, err)
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		out, _ := proto.Marshal(resp)
		w.Header().Set("Content-Type", "application/x-protobuf")
		_, _ = w.Write(out)
	}
}

// spans lists every span received.
func (c *collector) spans() []*tracepb.Span {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*tracepb.Span
	for _, rs := range c.rs {
		for _, ss := range rs.ScopeSpans {
			out = append(out, ss.Spans...)
		}
	}
	return out
}

// resourceAttrs are the attributes of the first resource that sent spans.
func (c *collector) resourceAttrs() map[string]any {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.rs) == 0 {
		return nil
	}
	return attrMap(c.rs[0].Resource.Attributes)
}

// metric returns the last export of the named metric.
func (c *collector) metric(name string) *metricpb.Metric {
	c.mu.Lock()
	defer c.mu.Unlock()
	var found *metricpb.Metric
	for _, rm := range c.rm {
		for _, sm := range rm.ScopeMetrics {
			for _, m := range sm.Metrics {
				if m.Name == name {
					found = m
				}
			}
		}
	}
	return found
}

// contains reports whether any request body holds s.
func (c *collector) contains(s string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, b := range c.raw {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// attrMap turns OTLP attributes into a map of plain values.
func attrMap(kvs []*commonpb.KeyValue) map[string]any {
	m := map[string]any{}
	for _, kv := range kvs {
		switch v := kv.Value.Value.(type) {
		case *commonpb.AnyValue_StringValue:
			m[kv.Key] = v.StringValue
		case *commonpb.AnyValue_IntValue:
			m[kv.Key] = v.IntValue
		case *commonpb.AnyValue_BoolValue:
			m[kv.Key] = v.BoolValue
		case *commonpb.AnyValue_DoubleValue:
			m[kv.Key] = v.DoubleValue
		default:
			m[kv.Key] = kv.Value.String()
		}
	}
	return m
}

// blackhole is a collector that accepts connections and never answers.
func blackhole(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}
