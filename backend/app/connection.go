package app

import (
	"context"

	"steward/backend/openai"
)

// ConnectionTest is what one GET /models at the base URL found, for the
// Settings screen's "Test connection".
type ConnectionTest struct {
	BaseURL  string `json:"base_url"`  // where Steward's own calls go
	KeyLabel string `json:"key_label"` // the registered key used; "" when none is chosen for Steward's calls
	Status   string `json:"status"`    // valid, invalid, revoked, rate_limited, forbidden, server_error or network_error
	Models   int    `json:"models"`    // how many models the API listed, when it accepted the key
	Message  string `json:"message"`   // why, in the user's language, for any status but valid
}

// placeholderKey stands in when no key is chosen: an "invalid key" answer
// still shows the server is there and speaks the OpenAI API.
const placeholderKey = "sk-steward-connection-test"

// TestConnection calls GET /models at the base URL with the key chosen for
// Steward's own calls (moderation.key), or with a placeholder when none is
// chosen, and says what came back. Only a cancelled ctx is an error.
func (s *Settings) TestConnection(ctx context.Context) (ConnectionTest, error) {
	base := s.c.baseURL(ctx)
	out := ConnectionTest{BaseURL: base}
	if out.BaseURL == "" {
		out.BaseURL = openai.DefaultBaseURL
	}
	key := placeholderKey
	var opts []openai.Option
	if label, _ := s.c.settings.Value(ctx, SettingModerationKey); label != "" {
		secret, err := s.c.keys.Secret(ctx, label)
		if err != nil {
			return out, err
		}
		key, out.KeyLabel = secret, label
		opts = append(opts, openai.WithObserver(s.c.observer()))
	}
	client, err := openai.New(openai.Config{BaseURL: base, APIKey: key}, opts...)
	if err != nil {
		return out, err
	}
	res, err := client.VerifyKey(ctx)
	if err != nil {
		return out, err
	}
	out.Status, out.Models = string(res.Status), res.ModelCount
	if res.Cause != nil {
		out.Message = Describe(res.Cause, s.c.settings.Language()).Message
	}
	return out, nil
}
