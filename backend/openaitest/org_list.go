package openaitest

import (
	"net/http"
	"strconv"
	"time"
)

// writeList answers a cursor-paginated list as the Administration API
// does: up to limit objects after the object whose id is `after`, with
// first_id, last_id (null when the page is empty) and has_more.
func writeList(x *exchange, items []map[string]any, defLimit, maxLimit int) {
	q := x.r.URL.Query()
	limit := defLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			badRequest(x.w, "limit", "invalid_value", "Invalid value for 'limit': expected an integer from 1 to "+strconv.Itoa(maxLimit)+".")
			return
		}
		limit = n
	}
	start := 0
	if after := q.Get("after"); after != "" {
		start = -1
		for i, it := range items {
			if it["id"] == after {
				start = i + 1
				break
			}
		}
		if start < 0 {
			badRequest(x.w, "after", "invalid_value", "Invalid value for 'after': no object with id '"+after+"' in this list.")
			return
		}
	}
	end := min(len(items), start+limit)
	data := items[start:end]
	var first, last any
	if len(data) > 0 {
		first, last = data[0]["id"], data[len(data)-1]["id"]
	}
	writeJSON(x.w, http.StatusOK, map[string]any{
		"object": "list", "data": data, "first_id": first, "last_id": last, "has_more": end < len(items),
	})
}

// notFound answers 404 with the API's error body.
func notFound(x *exchange, msg string) {
	writeError(x.w, http.StatusNotFound, apiError{Message: msg, Type: "invalid_request_error"})
}

// unix is t in Unix seconds, or nil for a zero time.
func unix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}
