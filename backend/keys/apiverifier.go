package keys

import (
	"context"
	"net/http"

	"steward/backend/openai"
)

// APIVerifier verifies keys with one GET /models at the configured base URL
// (OpenAI, Azure OpenAI or a compatible endpoint).
type APIVerifier struct {
	BaseURL    string              // "" means OpenAI's
	HTTPClient *http.Client        // nil means the default client
	Observer   openai.CallObserver // told of the call, for the usage log; may be nil
}

// Verify checks apiKey and says what the API made of it.
func (v APIVerifier) Verify(ctx context.Context, apiKey string) (Verification, error) {
	opts := []openai.Option{}
	if v.Observer != nil {
		opts = append(opts, openai.WithObserver(v.Observer))
	}
	c, err := openai.New(openai.Config{BaseURL: v.BaseURL, APIKey: apiKey, HTTPClient: v.HTTPClient}, opts...)
	if err != nil {
		return Verification{}, err
	}
	res, err := c.VerifyKey(ctx)
	if err != nil {
		return Verification{}, err
	}
	out := Verification{At: res.CheckedAt, Detail: string(res.Status)}
	switch res.Status {
	case openai.KeyValid:
		out.Result = VerifyValid
	case openai.KeyInvalid, openai.KeyForbidden:
		out.Result = VerifyInvalid
	case openai.KeyRevoked:
		out.Result = VerifyRevoked
	case openai.KeyRateLimited:
		out.Result = VerifyRateLimited
	default:
		out.Result = VerifyNetworkError
	}
	return out, nil
}
