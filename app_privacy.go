package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"steward/backend/apperr"
	"steward/backend/export"
	"steward/backend/privacy"
)

// openPrivacy builds the privacy questionnaire and drafts.
func (a *App) openPrivacy() {
	a.privacy = privacy.New(a.store, privacy.Options{})
	a.privacyScreen = privacy.NewScreen(a.privacy, a.privacySources)
}

// privacySources is what the app already knows that bears on the notice.
func (a *App) privacySources() privacy.Sources {
	return privacy.Sources{Onboarding: a.latestProfile}
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
