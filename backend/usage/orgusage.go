package usage

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// orgUsage is one result of the organization usage API: a key's usage of
// a model on one UTC day.
type orgUsage struct {
	day, apiKeyID, model    string
	requests, input, output int64
}

// usagePage is the part of the UsageResponse schema reconciliation reads.
type usagePage struct {
	Data []struct {
		StartTime int64 `json:"start_time"`
		Results   []struct {
			APIKeyID         *string `json:"api_key_id"`
			Model            *string `json:"model"`
			InputTokens      int64   `json:"input_tokens"`
			OutputTokens     int64   `json:"output_tokens"`
			NumModelRequests int64   `json:"num_model_requests"`
		} `json:"results"`
	} `json:"data"`
	HasMore  bool    `json:"has_more"`
	NextPage *string `json:"next_page"`
}

// maxUsagePages bounds the pages one reconciliation reads (31 days each).
const maxUsagePages = 200

// fetchOrgUsage reads GET /organization/usage/completions in daily buckets
// grouped by key and model, following next_page. The admin key goes only
// into the Authorization header and never into an error.
func fetchOrgUsage(ctx context.Context, client *http.Client, baseURL, adminKey string, since, until time.Time) ([]orgUsage, error) {
	if client == nil {
		client = http.DefaultClient
	}
	var out []orgUsage
	page := ""
	for range maxUsagePages {
		p, err := fetchUsagePage(ctx, client, usageURL(baseURL, since, until, page), adminKey)
		if err != nil {
			return nil, err
		}
		for _, b := range p.Data {
			day := dayOf(time.Unix(b.StartTime, 0))
			for _, r := range b.Results {
				out = append(out, orgUsage{day: day, apiKeyID: deref(r.APIKeyID), model: deref(r.Model),
					requests: r.NumModelRequests, input: r.InputTokens, output: r.OutputTokens})
			}
		}
		if !p.HasMore || p.NextPage == nil || *p.NextPage == "" {
			return out, nil
		}
		page = *p.NextPage
	}
	return nil, fmt.Errorf("more than %d pages of usage", maxUsagePages)
}

func usageURL(baseURL string, since, until time.Time, page string) string {
	q := url.Values{}
	q.Set("start_time", strconv.FormatInt(since.Unix(), 10))
	q.Set("end_time", strconv.FormatInt(until.Unix(), 10))
	q.Set("bucket_width", "1d")
	q.Set("limit", "31")
	q["group_by"] = []string{"api_key_id", "model"}
	if page != "" {
		q.Set("page", page)
	}
	return strings.TrimRight(baseURL, "/") + "/organization/usage/completions?" + q.Encode()
}

func fetchUsagePage(ctx context.Context, client *http.Client, u, adminKey string) (usagePage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return usagePage{}, fmt.Errorf("usage request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+adminKey)
	resp, err := client.Do(req)
	if err != nil {
		return usagePage{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return usagePage{}, fmt.Errorf("read usage page: %w", err)
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return usagePage{}, errAdminKeyRefused("usage.reconcile", resp.StatusCode)
	case resp.StatusCode != http.StatusOK:
		return usagePage{}, fmt.Errorf("HTTP %d: %s", resp.StatusCode, apiMessage(body))
	}
	var p usagePage
	if err := json.Unmarshal(body, &p); err != nil {
		return usagePage{}, fmt.Errorf("decode usage page: %w", err)
	}
	return p, nil
}

// apiMessage is the message of an ErrorResponse body, or a short prefix
// of whatever came back.
func apiMessage(body []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return e.Error.Message
	}
	s := strings.TrimSpace(string(body))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// baseModel drops a dated snapshot suffix ("-2024-08-06"), so a call logged
// under the model it asked for matches the snapshot the API reports.
func baseModel(m string) string {
	const n = len("-2006-01-02")
	if len(m) > n && m[len(m)-n] == '-' {
		if _, err := time.Parse(time.DateOnly, m[len(m)-n+1:]); err == nil {
			return m[:len(m)-n]
		}
	}
	return m
}
