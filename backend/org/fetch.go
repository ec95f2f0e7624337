package org

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"steward/backend/openai"
)

// maxPages bounds one list so a server that never stops paging cannot
// keep a sync running forever.
const maxPages = 10000

// page is the Administration API's cursor-paginated list.
type page[T any] struct {
	Data    []T     `json:"data"`
	HasMore bool    `json:"has_more"`
	LastID  *string `json:"last_id"`
}

// fetcher makes the calls of one sync and counts them; it is safe for
// concurrent use.
type fetcher struct {
	cl    *openai.Client
	calls atomic.Int64
}

// get reads one object.
func (f *fetcher) get(ctx context.Context, path string, q url.Values, out any) error {
	info, err := f.cl.Admin(ctx, http.MethodGet, path, q, out)
	f.calls.Add(int64(max(1, info.Attempt)))
	return err
}

// listAll follows a list's pagination (after = the last id, while
// has_more) and returns every object.
func listAll[T any](ctx context.Context, f *fetcher, path string, q url.Values) ([]T, error) {
	if q == nil {
		q = url.Values{}
	}
	q.Set("limit", "100")
	var out []T
	for range maxPages {
		var p page[T]
		if err := f.get(ctx, path, q, &p); err != nil {
			return nil, fmt.Errorf("list %s: %w", path, err)
		}
		out = append(out, p.Data...)
		if !p.HasMore || p.LastID == nil || *p.LastID == "" || len(p.Data) == 0 {
			return out, nil
		}
		q.Set("after", *p.LastID)
	}
	return nil, fmt.Errorf("list %s: more than %d pages", path, maxPages)
}

// The API's objects, as far as Steward reads them.

type apiProject struct {
	ID        string  `json:"id"`
	Name      *string `json:"name"`
	Status    *string `json:"status"`
	CreatedAt int64   `json:"created_at"`
}

type apiKey struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Redacted    string `json:"redacted_value"`
	CreatedAt   int64  `json:"created_at"`
	LastUsedAt  *int64 `json:"last_used_at"`
	OwnerAccess string `json:"owner_project_access"`
	Owner       struct {
		Type string `json:"type"`
		User *struct {
			ID, Name, Email string
		} `json:"user"`
		ServiceAccount *struct {
			ID, Name string
		} `json:"service_account"`
	} `json:"owner"`
}

type apiServiceAccount struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Role      string `json:"role"`
	CreatedAt int64  `json:"created_at"`
}

type apiUser struct {
	ID      string  `json:"id"`
	Name    *string `json:"name"`
	Email   *string `json:"email"`
	Role    *string `json:"role"`
	AddedAt int64   `json:"added_at"`
}

type apiInvite struct {
	ID        string `json:"id"`
	Email     string `json:"email"`
	Role      string `json:"role"`
	Status    string `json:"status"`
	CreatedAt int64  `json:"created_at"`
	ExpiresAt *int64 `json:"expires_at"`
}

type apiAdminKey struct {
	ID         string  `json:"id"`
	Name       *string `json:"name"`
	Redacted   string  `json:"redacted_value"`
	CreatedAt  int64   `json:"created_at"`
	ExpiresAt  *int64  `json:"expires_at"`
	LastUsedAt *int64  `json:"last_used_at"`
	Owner      struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"owner"`
}

type apiRateLimit struct {
	RateLimit
	ID string `json:"id"`
}

type apiSpendLimit struct {
	Amount      int    `json:"threshold_amount"`
	Currency    string `json:"currency"`
	Interval    string `json:"interval"`
	Enforcement struct {
		Status string `json:"status"`
	} `json:"enforcement"`
}

type apiSpendAlert struct {
	ID       string `json:"id"`
	Amount   int    `json:"threshold_amount"`
	Currency string `json:"currency"`
	Interval string `json:"interval"`
	Channel  struct {
		Recipients []string `json:"recipients"`
	} `json:"notification_channel"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func unixTime(n int64) time.Time { return time.Unix(n, 0).UTC() }

func unixPtr(n *int64) *time.Time {
	if n == nil {
		return nil
	}
	t := unixTime(*n)
	return &t
}
