package usage

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openai"
	"steward/backend/openaitest"
	"steward/backend/secret"
)

func TestReconcileAgainstTheUsageAPI(t *testing.T) {
	ctx := context.Background()
	svc, _, clock := newTestService(t)
	mapped, unmapped, admin := testKey(t), testKey(t), testKey(t)
	idA, idB := openaitest.KeyID(mapped), openaitest.KeyID(unmapped)
	srv := openaitest.New(t, openaitest.WithClock(clock.Now), openaitest.WithUsage(
		openaitest.UsageRecord{Time: day(-35).Add(time.Hour), APIKeyID: idA, Model: "gpt-4o-2024-08-06", InputTokens: 30, OutputTokens: 3, Requests: 3},
		openaitest.UsageRecord{Time: day(-2).Add(time.Hour), APIKeyID: idA, Model: "gpt-4o-2024-08-06", InputTokens: 1000, OutputTokens: 100, Requests: 10},
		openaitest.UsageRecord{Time: day(-2).Add(2 * time.Hour), APIKeyID: idB, Model: "gpt-4o-mini", InputTokens: 500, OutputTokens: 50, Requests: 5},
	))

	// The local log saw 7 of the 10 calls on day -2 (and one that failed),
	// and today's chat call, made through the app's own client.
	local := calls(day(-2).Add(3*time.Hour), 7, time.Minute)
	for i := range local {
		local[i].Model, local[i].KeyFingerprint, local[i].InputTokens, local[i].OutputTokens = "gpt-4o", secret.Fingerprint(mapped), 100, 10
	}
	failed := local[0]
	failed.Status, failed.InputTokens, failed.OutputTokens = 429, Unknown, Unknown
	insert(t, svc, append(local, failed)...)
	w := NewWriter(svc, WriterOptions{})
	client, err := openai.New(openai.Config{BaseURL: srv.URL, APIKey: mapped, HTTPClient: srv.Client()},
		openai.WithObserver(Observer(w, "mei")), openai.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.Chat(ctx, goopenai.ChatCompletionRequest{Model: "gpt-4o-mini",
		Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hello"}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetKeyMapping(ctx, KeyMapping{APIKeyID: idA, Label: "mei-prod", KeyFingerprint: secret.Fingerprint(mapped)}); err != nil {
		t.Fatal(err)
	}

	rec, err := svc.Reconcile(ctx, srv.Client(), srv.URL, admin, day(-40), testNow)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rec.Rows {
		got = append(got, fmt.Sprintf("%s %s mapped=%v %q %s api=%d/%d/%d local=%d/%d/%d unseen=%d/%d/%d",
			r.Day, r.APIKeyID, r.Mapped, r.KeyLabel, r.Model, r.APIRequests, r.APIInputTokens, r.APIOutputTokens,
			r.LocalRequests, r.LocalInputTokens, r.LocalOutputTokens, r.UnseenRequests, r.UnseenInputTokens, r.UnseenOutputTokens))
	}
	last := rec.Rows[len(rec.Rows)-1]
	chatIn, chatOut := last.APIInputTokens, last.APIOutputTokens
	want := []string{
		"2026-02-03 " + idA + ` mapped=true "mei-prod" gpt-4o api=3/30/3 local=0/0/0 unseen=3/30/3`,
		"2026-03-08 " + idA + ` mapped=true "mei-prod" gpt-4o api=10/1000/100 local=7/700/70 unseen=3/300/30`,
		"2026-03-08 " + idB + ` mapped=false "" gpt-4o-mini api=5/500/50 local=0/0/0 unseen=5/500/50`,
		fmt.Sprintf("2026-03-10 %s mapped=true \"mei-prod\" gpt-4o-mini api=1/%d/%d local=1/0/0 unseen=0/%d/%d", idA, chatIn, chatOut, chatIn, chatOut),
	}
	sort.Strings(want) // rows come by day, then key id, and the ids are random
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if chatIn == 0 || fmt.Sprint(rec.Unmapped) != "["+idB+"]" || rec.UnseenRequests != 11 ||
		!rec.Since.Equal(day(-40)) || !rec.Until.Equal(day(1)) {
		t.Fatalf("reconciliation = %+v", rec)
	}
	pages := 0
	for _, r := range srv.Requests() {
		if strings.HasSuffix(r.Path, "/organization/usage/completions") {
			pages++
			if r.KeyFingerprint != secret.Fingerprint(admin) {
				t.Fatalf("usage read with another key")
			}
		}
	}
	if pages != 2 {
		t.Fatalf("read %d pages, want 2 (41 days at 31 per page)", pages)
	}
}

func TestReconcileFailures(t *testing.T) {
	ctx := context.Background()
	svc, _, clock := newTestService(t)
	good, admin := testKey(t), testKey(t)
	for _, tc := range []struct {
		name  string
		setup func(*openaitest.Server)
		code  string
	}{
		{"ErrAdminKeyRefused", func(*openaitest.Server) {}, string(CodeAdminKeyRefused)},
		{"ErrServerError", func(s *openaitest.Server) { s.FailNext(1, 500) }, string(CodeReconcileFailed)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys := []string{good}
			if tc.name != "ErrAdminKeyRefused" {
				keys = append(keys, admin)
			}
			srv := openaitest.New(t, openaitest.WithClock(clock.Now), openaitest.WithKeys(keys...))
			tc.setup(srv)
			_, err := svc.Reconcile(ctx, srv.Client(), srv.URL, admin, day(-3), testNow)
			if string(codeOf(err)) != tc.code {
				t.Fatalf("err = %v (%s), want %s", err, codeOf(err), tc.code)
			}
			if strings.Contains(err.Error(), admin) {
				t.Fatalf("the admin key is in the error: %v", err)
			}
		})
	}
}

func TestKeyMappingRejected(t *testing.T) {
	svc, _, _ := newTestService(t)
	for _, tc := range []struct {
		name string
		m    KeyMapping
	}{
		{"ErrNoID", KeyMapping{KeyFingerprint: fp("a")}},
		{"ErrKeyInsteadOfID", KeyMapping{APIKeyID: testKey(t), KeyFingerprint: fp("a")}},
		{"ErrNoFingerprint", KeyMapping{APIKeyID: "key_abc"}},
		{"ErrBadFingerprint", KeyMapping{APIKeyID: "key_abc", KeyFingerprint: "abc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := svc.SetKeyMapping(context.Background(), tc.m); codeOf(err) != CodeMappingInvalid {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestKeyMappingRoundTrip(t *testing.T) {
	svc, _, _ := newTestService(t)
	ctx := context.Background()
	if _, err := svc.SetKeyMapping(ctx, KeyMapping{APIKeyID: " key_abc ", Label: "ci", KeyFingerprint: strings.ToUpper(fp("ci"))}); err != nil {
		t.Fatal(err)
	}
	maps, err := svc.KeyMappings(ctx)
	if err != nil || len(maps) != 1 || maps[0].APIKeyID != "key_abc" || maps[0].KeyFingerprint != fp("ci") || maps[0].UpdatedAt == "" {
		t.Fatalf("mappings = %+v, %v", maps, err)
	}
	if err := svc.DeleteKeyMapping(ctx, "key_abc"); err != nil {
		t.Fatal(err)
	}
	if maps, _ := svc.KeyMappings(ctx); len(maps) != 0 {
		t.Fatalf("mappings after delete = %+v", maps)
	}
}

func TestBaseModel(t *testing.T) {
	for in, want := range map[string]string{
		"gpt-4o-2024-08-06": "gpt-4o", "gpt-4o": "gpt-4o", "o3-2025-04-16": "o3", "gpt-4o-mini-2024-07-18": "gpt-4o-mini",
		"my-model-2024-13-45": "my-model-2024-13-45", "": "",
	} {
		if got := baseModel(in); got != want {
			t.Errorf("baseModel(%q) = %q, want %q", in, got, want)
		}
	}
}
