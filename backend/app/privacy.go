package app

import (
	"bytes"
	"context"
	"io"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/checks"
	"steward/backend/moderation"
	"steward/backend/openai"
	"steward/backend/privacy"
	"steward/backend/usage"
)

// Privacy is the privacy-policy questionnaire, its drafts and their versions.
type Privacy struct {
	c   *core
	mod *Moderation
}

func (p *Privacy) svc() *privacy.Service { return p.c.privacy }

// Questions lists the questionnaire in order.
func (p *Privacy) Questions(context.Context) ([]privacy.Question, error) {
	return privacy.Questions(), nil
}

// Regimes lists the bodies of rules the completeness check knows.
func (p *Privacy) Regimes(context.Context) ([]privacy.Regime, error) { return privacy.Regimes(), nil }

// Answers returns the saved answers.
func (p *Privacy) Answers(ctx context.Context) (privacy.Answers, error) { return p.svc().Answers(ctx) }

// SaveAnswers saves the answers and returns the completeness check.
func (p *Privacy) SaveAnswers(ctx context.Context, a privacy.Answers) (privacy.CheckResult, error) {
	if err := p.svc().SaveAnswers(ctx, a); err != nil {
		return privacy.CheckResult{}, err
	}
	return privacy.Check(a), nil
}

// Check returns the completeness check of the saved answers.
func (p *Privacy) Check(ctx context.Context) (privacy.CheckResult, error) {
	a, err := p.Answers(ctx)
	if err != nil {
		return privacy.CheckResult{}, err
	}
	return privacy.Check(a), nil
}

// Preview renders the saved answers' draft as self-contained HTML in lang.
func (p *Privacy) Preview(ctx context.Context, lang string) (string, error) {
	a, err := p.Answers(ctx)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := privacy.RenderDraft(&buf, a, lang, "html"); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Suggestions gathers prefill suggestions from the rest of the app.
func (p *Privacy) Suggestions(ctx context.Context) ([]privacy.Suggestion, error) {
	return privacy.Prefill(ctx, p.sources()), nil
}

// Accept applies a suggestion to the saved answers and saves them.
func (p *Privacy) Accept(ctx context.Context, sg privacy.Suggestion) (privacy.Answers, error) {
	a, err := p.Answers(ctx)
	if err != nil {
		return privacy.Answers{}, err
	}
	if a, err = privacy.Accept(a, sg); err != nil {
		return privacy.Answers{}, err
	}
	return a, p.svc().SaveAnswers(ctx, a)
}

// SaveDraft keeps the current draft in lang as a new version.
func (p *Privacy) SaveDraft(ctx context.Context, lang string) (privacy.SavedDraft, error) {
	a, err := p.Answers(ctx)
	if err != nil {
		return privacy.SavedDraft{}, err
	}
	d, err := p.svc().SaveDraft(ctx, a, lang)
	return d, p.c.done(checks.SourcePrivacy, err)
}

// Drafts lists the saved versions, newest first.
func (p *Privacy) Drafts(ctx context.Context) ([]privacy.DraftSummary, error) {
	return p.svc().Drafts(ctx)
}

// Draft returns one saved version.
func (p *Privacy) Draft(ctx context.Context, id int64) (privacy.SavedDraft, error) {
	return p.svc().DraftByID(ctx, id)
}

// Compare diffs two saved versions, from a to b.
func (p *Privacy) Compare(ctx context.Context, a, b int64) ([]privacy.DiffLine, error) {
	da, err := p.Draft(ctx, a)
	if err != nil {
		return nil, err
	}
	db, err := p.Draft(ctx, b)
	if err != nil {
		return nil, err
	}
	return privacy.Compare(da, db), nil
}

// PolishPlan shows exactly what the optional polish would send: the model,
// the instructions and the current draft in lang. Nothing is sent.
func (p *Privacy) PolishPlan(ctx context.Context, lang string) (privacy.PolishPlan, error) {
	a, err := p.Answers(ctx)
	if err != nil {
		return privacy.PolishPlan{}, err
	}
	var md bytes.Buffer
	if err := privacy.RenderDraft(&md, a, lang, "md"); err != nil {
		return privacy.PolishPlan{}, err
	}
	return privacy.PolishRequest(md.String(), lang), nil
}

// Polish sends the plan the user saw, and nothing else, to the chat API
// with the key chosen for the app's own calls; the call goes to the usage
// log. It returns the polished Markdown; the template draft is kept.
func (p *Privacy) Polish(ctx context.Context, plan privacy.PolishPlan) (string, error) {
	cfg, err := p.c.ownKey(ctx)
	if err != nil {
		return "", err
	}
	client, err := openai.New(cfg, openai.WithObserver(p.c.observer()))
	if err != nil {
		return "", err
	}
	return privacy.Polish(ctx, chatter{client}, plan)
}

// writeDraft renders answers' draft in format and lang to w and keeps it
// as a version unless the newest version in lang already says the same.
func (p *Privacy) writeDraft(ctx context.Context, w io.Writer, a privacy.Answers, format, lang string) error {
	if err := privacy.RenderDraft(w, a, lang, format); err != nil {
		return err
	}
	p.keepIfChanged(ctx, a, lang)
	return nil
}

// keepIfChanged saves the draft as a version when it differs from the
// newest one in lang; a failure is logged and reported, never silent.
func (p *Privacy) keepIfChanged(ctx context.Context, a privacy.Answers, lang string) {
	var md bytes.Buffer
	if err := privacy.RenderDraft(&md, a, lang, "md"); err != nil {
		return
	}
	svc := p.svc()
	if drafts, err := svc.Drafts(ctx); err == nil {
		for _, d := range drafts {
			if d.Lang != lang {
				continue
			}
			if latest, err := svc.DraftByID(ctx, d.ID); err == nil && latest.Markdown == md.String() {
				return
			}
			break
		}
	}
	if _, err := svc.SaveDraft(ctx, a, lang); err != nil {
		p.c.log.Error("save privacy draft", "error", err.Error())
		p.c.opts.Events.Emit(EventWarning, "the draft was written but not saved to the history: "+err.Error())
		return
	}
	p.c.sourceChanged(checks.SourcePrivacy)
}

// sources is what the app already knows that bears on the notice.
func (p *Privacy) sources() privacy.Sources {
	c := p.c
	return privacy.Sources{
		Onboarding: c.latestProfile,
		PIIScreen:  func(ctx context.Context) (bool, error) { return c.moderationPII(ctx) == moderation.PIIBlock, nil },
		Gateway:    c.gatewayPrivacy,
		Usage:      c.usageSeen,
	}
}

// gatewayPrivacy is whether the usage log keeps prompt bodies, and how long.
func (c *core) gatewayPrivacy(ctx context.Context) (privacy.GatewaySettings, error) {
	pol, err := c.usage.Policy(ctx)
	if err != nil {
		return privacy.GatewaySettings{}, err
	}
	return privacy.GatewaySettings{LogPromptBodies: pol.BodyLogging.Enabled, RetentionDays: pol.BodyLogging.RetentionDays}, nil
}

// usageSeen lists the models and endpoints the usage log saw in the last year.
func (c *core) usageSeen(ctx context.Context) (privacy.UsageSeen, error) {
	var seen privacy.UsageSeen
	until := time.Now()
	since := until.AddDate(-1, 0, 0)
	for by, dst := range map[string]*[]string{"model": &seen.Models, "endpoint": &seen.Endpoints} {
		rep, err := c.usage.Report(ctx, usage.Query{Since: since, Until: until, By: by})
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
func (c *core) latestProfile(context.Context) (*privacy.OnboardingProfile, error) {
	ws, err := c.checklist.ListWorkspaces()
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
