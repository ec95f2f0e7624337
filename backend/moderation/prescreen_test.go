package moderation

import (
	"context"
	"strings"
	"testing"
)

func TestPrescreen(t *testing.T) {
	items := []ItemResult{
		{Index: 0, Input: "Email mei@example.com about the refund"},
		{Index: 1, Input: "How do I bake bread?"},
	}
	t.Run("OK_Off", func(t *testing.T) {
		send, blocked := prescreen(PIIOff, items)
		if len(send) != 2 || len(blocked) != 0 {
			t.Fatalf("send %d blocked %d", len(send), len(blocked))
		}
	})
	t.Run("OK_Redact", func(t *testing.T) {
		send, blocked := prescreen(PIIRedact, items)
		if len(send) != 2 || len(blocked) != 0 || send[0].Input != "Email [EMAIL] about the refund" {
			t.Fatalf("send = %+v", send)
		}
		if items[0].Input != "Email mei@example.com about the refund" {
			t.Fatal("the stored prompt was changed")
		}
	})
	t.Run("OK_Block", func(t *testing.T) {
		send, blocked := prescreen(PIIBlock, items)
		if len(send) != 1 || len(blocked) != 1 || blocked[0].idx != 0 || !strings.Contains(blocked[0].errEn, "EMAIL") {
			t.Fatalf("send %d blocked %+v", len(send), blocked)
		}
	})
}

func TestRunFileBlocksPersonalData(t *testing.T) {
	h := newHarness(t)
	path := writeFile(t, "prompts.txt", []byte("Call me on +1 415 555 0132 please\nWhat is a sonnet?\n"))
	cfg := h.runFileConfig(path)
	cfg.PII = PIIBlock
	rep, err := RunFile(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Total != 2 || rep.Summary.Errors != 1 || !strings.Contains(rep.Items[0].Error, "personal data") {
		t.Fatalf("report = %+v %+v", rep.Summary, rep.Items)
	}
	if got := h.srv.Counts().Requests; got != 1 {
		t.Fatalf("requests = %d; the blocked prompt must not be sent", got)
	}
}
