package privacy

import (
	"context"
	"errors"
	"strings"
	"testing"

	"steward/backend/apperr"
)

// fakeChatter records the request and answers with a fixed reply.
type fakeChatter struct {
	reply              string
	err                error
	model, system, got string
}

func (f *fakeChatter) Chat(_ context.Context, model, system, user string) (string, error) {
	f.model, f.system, f.got = model, system, user
	return f.reply, f.err
}

func TestPolishRequest(t *testing.T) {
	draft := "# Privacy Notice\n\n\\[TODO: the effective date\\]\n"
	plan := PolishRequest(draft, LangEn)
	if plan.User != draft || plan.Model != DefaultPolishModel || plan.Lang != LangEn || !strings.Contains(plan.System, "[TODO: …]") {
		t.Fatalf("plan = %+v", plan)
	}
	if zh := PolishRequest(draft, "zh"); zh.Lang != LangZh || !strings.Contains(zh.System, "Simplified Chinese") || !strings.Contains(zh.System, "[待补充：…]") {
		t.Fatalf("zh plan = %+v", zh)
	}
}

func TestPolish(t *testing.T) {
	ctx := context.Background()
	draft := "# Notice\n\nwe use data.\n\n\\[TODO: the effective date\\]\n"
	plan := PolishRequest(draft, LangEn)
	tests := []struct {
		name  string
		c     *fakeChatter
		want  string
		code  apperr.Code
		cause error
	}{
		{"OK", &fakeChatter{reply: "# Notice\n\nWe use your data.\n\n\\[TODO: the effective date\\]\n"}, "We use your data.", "", nil},
		{"OK_FenceRemoved", &fakeChatter{reply: "```markdown\n# Notice\n\\[TODO: the effective date\\]\n```"}, "# Notice\n\\[TODO", "", nil},
		{"ErrLostMarker", &fakeChatter{reply: "# Notice\n\nWe use your data.\n"}, "", apperr.Invalid, nil},
		{"ErrEmptyReply", &fakeChatter{reply: "  "}, "", apperr.Invalid, nil},
		{"ErrChatFailed", &fakeChatter{err: errBoom}, "", apperr.Internal, errBoom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Polish(ctx, tt.c, plan)
			if tt.c.got != draft || tt.c.model != plan.Model || tt.c.system != plan.System {
				t.Fatalf("sent %q to %s", tt.c.got, tt.c.model)
			}
			switch {
			case tt.code == "" && (err != nil || !strings.Contains(got, tt.want)):
				t.Fatalf("Polish = %q, %v", got, err)
			case tt.code != "" && apperr.CodeOf(err) != tt.code:
				t.Fatalf("err = %v; want %s", err, tt.code)
			case tt.cause != nil && !errors.Is(err, tt.cause):
				t.Fatalf("err = %v does not wrap %v", err, tt.cause)
			}
		})
	}
	t.Run("ErrNoChatter", func(t *testing.T) {
		if _, err := Polish(ctx, nil, plan); err == nil {
			t.Fatal("no error without a chatter")
		}
	})
}

var errBoom = errors.New("boom")
