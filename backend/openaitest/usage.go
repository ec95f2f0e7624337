package openaitest

import (
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// UsageRecord is usage the organization usage endpoint reports: one or more
// completions requests at Time. The server adds one for every chat or
// responses call it answers.
type UsageRecord struct {
	Time         time.Time
	APIKeyID     string
	ProjectID    string
	UserID       string
	Model        string
	Batch        bool
	ServiceTier  string
	InputTokens  int
	CachedTokens int
	OutputTokens int
	Requests     int
}

// record adds a completions usage record for a call the server answered.
func (s *Server) record(x *exchange, model string, c completion) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.usage = append(s.usage, UsageRecord{
		Time: s.cfg.now(), APIKeyID: KeyID(x.key), ProjectID: x.r.Header.Get("OpenAI-Project"),
		Model: model, ServiceTier: "default", InputTokens: c.inputTokens, OutputTokens: c.outputTokens, Requests: 1,
	})
}

// listParam reads an array query parameter in any of the forms clients
// send: repeated, with "[]", or comma-separated.
func listParam(q url.Values, name string) []string {
	var out []string
	for _, v := range append(q[name], q[name+"[]"]...) {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// usageQuery is a parsed /organization/usage/completions query.
type usageQuery struct {
	start, end time.Time
	width      time.Duration
	limit      int
	groupBy    map[string]bool
	filters    map[string]map[string]bool // field -> allowed values
}

func (s *Server) parseUsageQuery(x *exchange) (usageQuery, bool) {
	q := x.r.URL.Query()
	start, err := strconv.ParseInt(q.Get("start_time"), 10, 64)
	if err != nil {
		badRequest(x.w, "start_time", "invalid_value", "Invalid value for 'start_time': expected Unix seconds.")
		return usageQuery{}, false
	}
	uq := usageQuery{start: time.Unix(start, 0).UTC(), end: s.cfg.now().UTC(), groupBy: map[string]bool{}, filters: map[string]map[string]bool{}}
	if v := q.Get("end_time"); v != "" {
		end, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			badRequest(x.w, "end_time", "invalid_value", "Invalid value for 'end_time': expected Unix seconds.")
			return usageQuery{}, false
		}
		uq.end = time.Unix(end, 0).UTC()
	}
	if !parseWidth(x, q, &uq) {
		return usageQuery{}, false
	}
	for _, g := range listParam(q, "group_by") {
		uq.groupBy[g] = true
	}
	for field, param := range map[string]string{"api_key_id": "api_key_ids", "model": "models", "project_id": "project_ids", "user_id": "user_ids"} {
		if vs := listParam(q, param); len(vs) > 0 {
			uq.filters[field] = map[string]bool{}
			for _, v := range vs {
				uq.filters[field][v] = true
			}
		}
	}
	uq.start = uq.start.Truncate(uq.width)
	if p := q.Get("page"); p != "" {
		t, ok := decodePage(p)
		if !ok {
			badRequest(x.w, "page", "invalid_value", "Invalid value for 'page'.")
			return usageQuery{}, false
		}
		uq.start = t
	}
	return uq, true
}

// parseWidth reads bucket_width and limit, with the spec's defaults and
// maximums per width.
func parseWidth(x *exchange, q url.Values, uq *usageQuery) bool {
	widths := map[string]struct {
		d          time.Duration
		def, limit int
	}{"1m": {time.Minute, 60, 1440}, "1h": {time.Hour, 24, 168}, "1d": {24 * time.Hour, 7, 31}}
	bw := q.Get("bucket_width")
	if bw == "" {
		bw = "1d"
	}
	w, ok := widths[bw]
	if !ok {
		badRequest(x.w, "bucket_width", "invalid_value", "Invalid value for 'bucket_width': expected one of 1m, 1h, 1d.")
		return false
	}
	uq.width, uq.limit = w.d, w.def
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > w.limit {
			badRequest(x.w, "limit", "invalid_value", "Invalid value for 'limit': expected 1 to "+strconv.Itoa(w.limit)+" for bucket_width "+bw+".")
			return false
		}
		uq.limit = n
	}
	return true
}

// usageCompletions answers GET /organization/usage/completions with a
// UsageResponse page of time buckets.
func (s *Server) usageCompletions(x *exchange) {
	uq, ok := s.parseUsageQuery(x)
	if !ok {
		return
	}
	s.mu.Lock()
	records := append([]UsageRecord(nil), s.usage...)
	s.mu.Unlock()
	var buckets []map[string]any
	t := uq.start
	for ; t.Before(uq.end) && len(buckets) < uq.limit; t = t.Add(uq.width) {
		results := aggregate(records, t, t.Add(uq.width), uq)
		buckets = append(buckets, map[string]any{
			"object": "bucket", "start_time": t.Unix(), "end_time": t.Add(uq.width).Unix(), "results": results,
		})
	}
	var next any
	if t.Before(uq.end) {
		next = encodePage(t)
	}
	if buckets == nil {
		buckets = []map[string]any{}
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"object": "page", "data": buckets, "has_more": next != nil, "next_page": next})
}

// usageGroup is the value of each group_by field for one result.
type usageGroup struct {
	project, user, apiKey, model, tier string
	batch                              bool
}

// groupOf is r's group under the query's group_by.
func (uq usageQuery) groupOf(r UsageRecord) usageGroup {
	pick := func(field, v string) string {
		if uq.groupBy[field] {
			return v
		}
		return ""
	}
	return usageGroup{
		project: pick("project_id", r.ProjectID), user: pick("user_id", r.UserID),
		apiKey: pick("api_key_id", r.APIKeyID), model: pick("model", r.Model),
		tier: pick("service_tier", r.ServiceTier), batch: uq.groupBy["batch"] && r.Batch,
	}
}

// aggregate sums the records in [from, to) per group.
func aggregate(records []UsageRecord, from, to time.Time, uq usageQuery) []map[string]any {
	sums := map[usageGroup]*UsageRecord{}
	var order []usageGroup
	for _, r := range records {
		if r.Time.Before(from) || !r.Time.Before(to) || !uq.allows(r) {
			continue
		}
		g := uq.groupOf(r)
		sum := sums[g]
		if sum == nil {
			sum = &UsageRecord{}
			sums[g] = sum
			order = append(order, g)
		}
		sum.InputTokens += r.InputTokens
		sum.CachedTokens += r.CachedTokens
		sum.OutputTokens += r.OutputTokens
		sum.Requests += r.Requests
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		return a.apiKey+a.model+a.project+a.user < b.apiKey+b.model+b.project+b.user
	})
	out := []map[string]any{}
	for _, g := range order {
		out = append(out, uq.result(g, sums[g]))
	}
	return out
}

// result is one UsageCompletionsResult; fields not grouped by are null.
func (uq usageQuery) result(g usageGroup, s *UsageRecord) map[string]any {
	group := func(field string, v any) any {
		if !uq.groupBy[field] {
			return nil
		}
		return v
	}
	return map[string]any{
		"object":       "organization.usage.completions.result",
		"input_tokens": s.InputTokens, "input_cached_tokens": s.CachedTokens, "input_cache_write_tokens": 0,
		"input_uncached_tokens": s.InputTokens - s.CachedTokens, "output_tokens": s.OutputTokens,
		"input_text_tokens": s.InputTokens - s.CachedTokens, "output_text_tokens": s.OutputTokens,
		"input_cached_text_tokens": s.CachedTokens, "input_audio_tokens": 0, "input_cached_audio_tokens": 0,
		"output_audio_tokens": 0, "input_image_tokens": 0, "input_cached_image_tokens": 0, "output_image_tokens": 0,
		"num_model_requests": s.Requests,
		"project_id":         group("project_id", g.project), "user_id": group("user_id", g.user),
		"api_key_id": group("api_key_id", g.apiKey), "model": group("model", g.model),
		"batch": group("batch", g.batch), "service_tier": group("service_tier", g.tier),
	}
}

// allows applies the query's filters to a record.
func (uq usageQuery) allows(r UsageRecord) bool {
	for field, vals := range uq.filters {
		v := map[string]string{"api_key_id": r.APIKeyID, "model": r.Model, "project_id": r.ProjectID, "user_id": r.UserID}[field]
		if !vals[v] {
			return false
		}
	}
	return true
}

func encodePage(t time.Time) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.Unix()))
	return "page_" + base64.StdEncoding.EncodeToString(b[:])
}

func decodePage(p string) (time.Time, bool) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(p, "page_"))
	if err != nil || len(raw) != 8 || !strings.HasPrefix(p, "page_") {
		return time.Time{}, false
	}
	return time.Unix(int64(binary.BigEndian.Uint64(raw)), 0).UTC(), true
}
