package usage

import (
	"context"
	"net/http"
	"sort"
	"strings"
	"time"

	"steward/backend/apperr"
)

// Reconciliation compares the organization's usage, as OpenAI counted it,
// with the local log, per UTC day, key and model. Usage the log did not see
// comes from calls that bypassed the gateway, or from a leaked key.
type Reconciliation struct {
	Since              time.Time      `json:"since"`
	Until              time.Time      `json:"until"`
	Rows               []ReconcileRow `json:"rows"`
	Unmapped           []string       `json:"unmapped"` // api_key_ids with no mapping to a local key
	UnseenRequests     int64          `json:"unseen_requests"`
	UnseenInputTokens  int64          `json:"unseen_input_tokens"`
	UnseenOutputTokens int64          `json:"unseen_output_tokens"`
}

// ReconcileRow is one key's usage of one model on one day. Models are
// compared without their snapshot date. An unmapped key has no local
// usage to compare, so all its usage is unseen.
type ReconcileRow struct {
	Day                string `json:"day"`
	APIKeyID           string `json:"api_key_id"`
	Mapped             bool   `json:"mapped"`
	KeyLabel           string `json:"key_label"`
	KeyFingerprint     string `json:"key_fingerprint"`
	Model              string `json:"model"`
	APIRequests        int64  `json:"api_requests"`
	APIInputTokens     int64  `json:"api_input_tokens"`
	APIOutputTokens    int64  `json:"api_output_tokens"`
	LocalRequests      int64  `json:"local_requests"` // successful calls only, as the API counts them
	LocalInputTokens   int64  `json:"local_input_tokens"`
	LocalOutputTokens  int64  `json:"local_output_tokens"`
	UnseenRequests     int64  `json:"unseen_requests"`
	UnseenInputTokens  int64  `json:"unseen_input_tokens"`
	UnseenOutputTokens int64  `json:"unseen_output_tokens"`
}

// rowKey identifies a reconciliation row.
type rowKey struct{ day, apiKeyID, model string }

// localKey identifies local usage of a key and model on a day.
type localKey struct{ day, fingerprint, model string }

// Reconcile reads organization usage for the whole UTC days covering
// [since, until) with adminKey (which the caller keeps in the keychain;
// it is never stored here) and compares it with the local log.
func (s *Service) Reconcile(ctx context.Context, client *http.Client, baseURL, adminKey string, since, until time.Time) (Reconciliation, error) {
	const op = "usage.reconcile"
	since, until = startOfDay(since), ceilDay(until)
	if !since.Before(until) {
		return Reconciliation{}, errRange(op)
	}
	api, err := fetchOrgUsage(ctx, client, baseURL, adminKey, since, until)
	if err != nil {
		if apperr.CodeOf(err) == CodeAdminKeyRefused {
			return Reconciliation{}, err
		}
		return Reconciliation{}, errReconcile(op, err)
	}
	maps, err := s.st.KeyMappings(ctx)
	if err != nil {
		return Reconciliation{}, err
	}
	local, err := s.st.KeyModelDays(ctx, since, until)
	if err != nil {
		return Reconciliation{}, err
	}
	return reconcile(since, until, api, maps, local), nil
}

// ceilDay is midnight UTC at or after t.
func ceilDay(t time.Time) time.Time {
	d := startOfDay(t)
	if d.Before(t) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// reconcile matches API results with local sums through the mappings.
func reconcile(since, until time.Time, api []orgUsage, maps []KeyMapping, local []KeyModelDay) Reconciliation {
	byID := map[string]KeyMapping{}
	for _, m := range maps {
		byID[m.APIKeyID] = m
	}
	loc := map[localKey]KeyModelDay{}
	for _, l := range local {
		k := localKey{l.Day, l.KeyFingerprint, baseModel(l.Model)}
		sum := loc[k]
		sum.Requests += l.Requests
		sum.InputTokens += l.InputTokens
		sum.OutputTokens += l.OutputTokens
		loc[k] = sum
	}
	rows := map[rowKey]*ReconcileRow{}
	unmapped := map[string]bool{}
	for _, a := range api {
		k := rowKey{a.day, a.apiKeyID, baseModel(a.model)}
		r := rows[k]
		if r == nil {
			m, ok := byID[a.apiKeyID]
			r = &ReconcileRow{Day: a.day, APIKeyID: a.apiKeyID, Model: k.model, Mapped: ok,
				KeyLabel: m.Label, KeyFingerprint: m.KeyFingerprint}
			if !ok {
				unmapped[a.apiKeyID] = true
			}
			rows[k] = r
		}
		r.APIRequests += a.requests
		r.APIInputTokens += a.input
		r.APIOutputTokens += a.output
	}
	rec := Reconciliation{Since: since, Until: until, Rows: []ReconcileRow{}, Unmapped: []string{}}
	for _, r := range rows {
		if r.Mapped {
			l := loc[localKey{r.Day, r.KeyFingerprint, r.Model}]
			r.LocalRequests, r.LocalInputTokens, r.LocalOutputTokens = l.Requests, l.InputTokens, l.OutputTokens
		}
		r.UnseenRequests = max(r.APIRequests-r.LocalRequests, 0)
		r.UnseenInputTokens = max(r.APIInputTokens-r.LocalInputTokens, 0)
		r.UnseenOutputTokens = max(r.APIOutputTokens-r.LocalOutputTokens, 0)
		rec.UnseenRequests += r.UnseenRequests
		rec.UnseenInputTokens += r.UnseenInputTokens
		rec.UnseenOutputTokens += r.UnseenOutputTokens
		rec.Rows = append(rec.Rows, *r)
	}
	sort.Slice(rec.Rows, func(i, j int) bool {
		a, b := rec.Rows[i], rec.Rows[j]
		return a.Day+"\x00"+a.APIKeyID+"\x00"+a.Model < b.Day+"\x00"+b.APIKeyID+"\x00"+b.Model
	})
	for id := range unmapped {
		rec.Unmapped = append(rec.Unmapped, id)
	}
	sort.Strings(rec.Unmapped)
	return rec
}

// KeyMappings lists which local key each organization api_key_id is.
func (s *Service) KeyMappings(ctx context.Context) ([]KeyMapping, error) {
	return s.st.KeyMappings(ctx)
}

// SetKeyMapping records that an api_key_id is the local key with the given
// fingerprint (and label), replacing any earlier mapping of that id.
func (s *Service) SetKeyMapping(ctx context.Context, m KeyMapping) (KeyMapping, error) {
	const op = "usage.key_mapping"
	m.APIKeyID, m.Label = strings.TrimSpace(m.APIKeyID), strings.TrimSpace(m.Label)
	m.KeyFingerprint = strings.ToLower(strings.TrimSpace(m.KeyFingerprint))
	if m.APIKeyID == "" || strings.ContainsAny(m.APIKeyID, " \t\r\n") || strings.HasPrefix(m.APIKeyID, "sk-") {
		return KeyMapping{}, errMapping(op,
			"Give the key id the usage API reports, such as key_abc123 (not the key itself).",
			"请填写用量 API 报告的密钥编号，例如 key_abc123（不是密钥本身）。")
	}
	if !isFingerprint(m.KeyFingerprint) {
		return KeyMapping{}, errMapping(op, "Pick the local key this id belongs to.", "请选择该编号对应的本地密钥。")
	}
	m.UpdatedAt = s.now().UTC().Format(time.RFC3339)
	if err := s.st.SetKeyMapping(ctx, m); err != nil {
		return KeyMapping{}, err
	}
	return m, nil
}

// DeleteKeyMapping forgets a mapping.
func (s *Service) DeleteKeyMapping(ctx context.Context, apiKeyID string) error {
	return s.st.DeleteKeyMapping(ctx, strings.TrimSpace(apiKeyID))
}

// isFingerprint reports whether s is a hex SHA-256.
func isFingerprint(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
