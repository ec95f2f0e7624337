package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/apperr"
	"steward/backend/export"
	"steward/backend/moderation"
	"steward/backend/openai"
	"steward/backend/privacy"
	"steward/backend/usage"
)

// openPrivacy builds the privacy questionnaire and drafts.
func (a *App) openPrivacy() {
	a.privacy = privacy.New(a.store, privacy.Options{})
	a.privacyScreen = privacy.NewScreen(a.privacy, a.privacySources)
}

// privacySources is what the app already knows that bears on the notice.
func (a *App) privacySources() privacy.Sources {
	return privacy.Sources{
		Onboarding: a.latestProfile,
		PIIScreen:  func(context.Context) (bool, error) { return a.moderationPII() == moderation.PIIBlock, nil },
		Gateway:    a.gatewayPrivacy,
		Usage:      a.usageSeen,
	}
}

// gatewayPrivacy is whether the usage log keeps prompt bodies, and how long.
func (a *App) gatewayPrivacy(ctx context.Context) (privacy.GatewaySettings, error) {
	p, err := a.usage.Policy(ctx)
	if err != nil {
		return privacy.GatewaySettings{}, err
	}
	return privacy.GatewaySettings{LogPromptBodies: p.BodyLogging.Enabled, RetentionDays: p.BodyLogging.RetentionDays}, nil
}

// usageSeen lists the models and endpoints the usage log saw in the last year.
func (a *App) usageSeen(ctx context.Context) (privacy.UsageSeen, error) {
	var seen privacy.UsageSeen
	until := time.Now()
	since := until.AddDate(-1, 0, 0)
	for by, dst := range map[string]*[]string{"model": &seen.Models, "endpoint": &seen.Endpoints} {
		rep, err := a.usage.Report(ctx, usage.Query{Since: since, Until: until, By: by})
		if err != nil {
			return seen, err
		}
		for _, r := range rep.Rows {
			*dst = append(*dst, r.Group)
		}
	}
	return seen, nil
}

// latestProfile is the onboarding answers of the workspace profiled last.
func (a *App) latestProfile(context.Context) (*privacy.OnboardingProfile, error) {
	ws, err := a.checklist.ListWorkspaces()
	if err != nil {
		return nil, err
	}
	var best *privacy.OnboardingProfile
	latest := ""
	for _, w := range ws {
		if w.Profile != nil && w.ProfileSetAt > latest {
			p := w.Profile
			latest = w.ProfileSetAt
			best = &privacy.OnboardingProfile{Consumer: p.Consumer, Chatbot: p.Chatbot, Minors: p.Minors,
				EU: p.EU, California: p.California, China: p.China}
		}
	}
	return best, nil
}

// ExportPrivacyDraft asks where to save and writes the current draft in
// lang and format (md, html or pdf). It returns the path, or "" if cancelled.
func (a *App) ExportPrivacyDraft(lang, format string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	answers, err := a.privacy.Answers(context.Background())
	if err != nil {
		return "", err
	}
	path, err := a.savePath(fmt.Sprintf("privacy-policy-draft-%s.%s", lang, format), format)
	if err != nil || path == "" {
		return "", err
	}
	err = export.WriteFile(path, func(w io.Writer) error { return privacy.RenderDraft(w, answers, lang, format) })
	if err != nil {
		return "", apperr.Wrap(err, apperr.ExportFailed, "app.privacy_export", "path", path)
	}
	a.saveDraftIfChanged(answers, lang)
	return path, nil
}

// saveDraftIfChanged keeps an exported draft as a version unless the newest
// version in that language already says the same.
func (a *App) saveDraftIfChanged(answers privacy.Answers, lang string) {
	ctx := context.Background()
	var md bytes.Buffer
	if err := privacy.RenderDraft(&md, answers, lang, "md"); err != nil {
		return
	}
	if drafts, err := a.privacy.Drafts(ctx); err == nil {
		for _, d := range drafts {
			if d.Lang != lang {
				continue
			}
			if latest, err := a.privacy.DraftByID(ctx, d.ID); err == nil && latest.Markdown == md.String() {
				return
			}
			break
		}
	}
	if _, err := a.privacy.SaveDraft(ctx, answers, lang); err != nil {
		a.log.Error("save privacy draft", "error", err.Error())
	}
}

// PrivacyPolishPlan shows exactly what the optional polish would send: the
// model, the instructions and the current draft in lang. Nothing is sent.
func (a *App) PrivacyPolishPlan(lang string) (privacy.PolishPlan, error) {
	if err := a.ready(); err != nil {
		return privacy.PolishPlan{}, err
	}
	answers, err := a.privacy.Answers(context.Background())
	if err != nil {
		return privacy.PolishPlan{}, err
	}
	var md bytes.Buffer
	if err := privacy.RenderDraft(&md, answers, lang, "md"); err != nil {
		return privacy.PolishPlan{}, err
	}
	return privacy.PolishRequest(md.String(), lang), nil
}

// PrivacyPolish sends the plan the user saw, and nothing else, to the chat
// API with the key chosen for the app's own calls; the call goes to the
// usage log. It returns the polished Markdown; the template draft is kept.
func (a *App) PrivacyPolish(plan privacy.PolishPlan) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	cfg, err := a.moderationConfig()
	if err != nil {
		return "", err
	}
	client, err := openai.New(cfg, openai.WithObserver(a.observer()))
	if err != nil {
		return "", err
	}
	return privacy.Polish(a.context(), chatter{client}, plan)
}

// chatter adapts the OpenAI client to the privacy package's Chatter.
type chatter struct{ c *openai.Client }

func (ch chatter) Chat(ctx context.Context, model, system, user string) (string, error) {
	resp, _, err := ch.c.Chat(ctx, goopenai.ChatCompletionRequest{Model: model, Messages: []goopenai.ChatCompletionMessage{
		{Role: goopenai.ChatMessageRoleSystem, Content: system},
		{Role: goopenai.ChatMessageRoleUser, Content: user},
	}})
	if err != nil {
		return "", err
	}
	if len(resp.Choices) == 0 {
		return "", nil
	}
	return resp.Choices[0].Message.Content, nil
}
