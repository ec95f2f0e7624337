package privacy

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"

	"steward/backend/apperr"
)

func allSources() Sources {
	return Sources{
		Onboarding: func(context.Context) (*OnboardingProfile, error) {
			return &OnboardingProfile{Consumer: true, Chatbot: true, Minors: true, EU: true, China: true}, nil
		},
		Gateway: func(context.Context) (GatewaySettings, error) {
			return GatewaySettings{LogPromptBodies: true, RetentionDays: 14}, nil
		},
		Usage: func(context.Context) (UsageSeen, error) {
			return UsageSeen{Models: []string{"gpt-4o-mini", "text-embedding-3-small"}, Endpoints: []string{"/v1/chat/completions"}}, nil
		},
		PIIScreen: func(context.Context) (bool, error) { return true, nil },
	}
}

func TestPrefill(t *testing.T) {
	got := Prefill(context.Background(), allSources())
	var fields []string
	for _, s := range got {
		fields = append(fields, s.Field)
		if s.Source.En == "" || s.Source.Zh == "" {
			t.Errorf("%s: source lacks a language: %+v", s.Field, s.Source)
		}
	}
	want := []string{"users.regions", "users.regions", "ai.disclosure", "ai.prompts_contain_personal_data", "children.parental_consent",
		"ai.prompt_logging", "ai.prompt_log_days", "ai.models", "recipients", "ai.provider_trains_on_data", "ai.provider_retention", "ai.pii_screening"}
	if !slices.Equal(fields, want) {
		t.Fatalf("fields = %v\nwant %v", fields, want)
	}
	t.Run("OK_NoSources", func(t *testing.T) {
		if got := Prefill(context.Background(), Sources{}); len(got) != 0 {
			t.Fatalf("suggestions from nothing: %+v", got)
		}
	})
	t.Run("OK_FailingSourcesSuggestNothing", func(t *testing.T) {
		boom := errors.New("boom")
		src := Sources{
			Onboarding: func(context.Context) (*OnboardingProfile, error) { return nil, boom },
			Gateway:    func(context.Context) (GatewaySettings, error) { return GatewaySettings{}, boom },
			Usage:      func(context.Context) (UsageSeen, error) { return UsageSeen{}, boom },
			PIIScreen:  func(context.Context) (bool, error) { return false, boom },
		}
		if got := Prefill(context.Background(), src); len(got) != 0 {
			t.Fatalf("suggestions from failures: %+v", got)
		}
	})
	t.Run("OK_WizardNotRun", func(t *testing.T) {
		src := Sources{Onboarding: func(context.Context) (*OnboardingProfile, error) { return nil, nil }}
		if got := Prefill(context.Background(), src); len(got) != 0 {
			t.Fatalf("suggestions without a profile: %+v", got)
		}
	})
}

func TestAccept(t *testing.T) {
	start := Answers{Users: Users{Regions: []Region{RegionEU}}, Recipients: []Recipient{{Name: "openai", Purpose: T("x", "")}}}
	a := start
	for _, s := range Prefill(context.Background(), allSources()) {
		var err error
		if a, err = Accept(a, s); err != nil {
			t.Fatalf("accept %s: %v", s.Field, err)
		}
	}
	if !slices.Equal(a.Users.Regions, []Region{RegionEU, RegionChina}) {
		t.Errorf("regions = %v", a.Users.Regions)
	}
	if len(a.Recipients) != 1 {
		t.Errorf("OpenAI added twice: %+v", a.Recipients)
	}
	if !*a.AI.PromptLogging || a.AI.PromptLogDays != 14 || !*a.AI.PIIScreening || *a.AI.ProviderTrainsOnData || !*a.Children.ParentalConsent {
		t.Errorf("ai = %+v", a.AI)
	}
	if a.AI.Disclosure.Empty() || a.AI.ProviderRetention.Empty() || len(a.AI.Models) != 2 {
		t.Errorf("texts = %+v", a.AI)
	}
	if !slices.Equal(start.Users.Regions, []Region{RegionEU}) || start.AI.PromptLogging != nil {
		t.Errorf("Accept changed its input: %+v", start)
	}

	t.Run("OK_ValueBackFromJSON", func(t *testing.T) {
		var s Suggestion
		body, _ := json.Marshal(Suggestion{Field: "recipients", Value: Recipient{Name: "OpenAI", Location: T("United States", "美国"), Purpose: T("replies", "")}})
		json.Unmarshal(body, &s)
		got, err := Accept(Answers{}, s)
		if err != nil || len(got.Recipients) != 1 || got.Recipients[0].Location.Zh != "美国" {
			t.Fatalf("got %+v, %v", got.Recipients, err)
		}
	})
	t.Run("ErrUnknownField", func(t *testing.T) {
		got, err := Accept(start, Suggestion{Field: "organisation.fax", Value: "1"})
		if !apperr.Is(err, apperr.Invalid) || !reflect.DeepEqual(got, start) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrWrongValueType", func(t *testing.T) {
		if _, err := Accept(start, Suggestion{Field: "ai.prompt_logging", Value: "yes"}); !apperr.Is(err, apperr.Invalid) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrInvalidValue", func(t *testing.T) {
		if _, err := Accept(start, Suggestion{Field: "users.regions", Value: "mars"}); !apperr.Is(err, apperr.Invalid) {
			t.Fatalf("err = %v", err)
		}
	})
}
