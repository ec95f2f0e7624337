package openaitest

import (
	"fmt"
	"net/http"
	"strings"
)

// model is the spec's Model object.
type model struct {
	ID           string  `json:"id"`
	Object       string  `json:"object"`
	Created      int64   `json:"created"`
	OwnedBy      string  `json:"owned_by"`
	ShutdownDate *string `json:"shutdown_date"`
}

func newModel(id string) model {
	owner := "system"
	if strings.HasPrefix(id, "gpt-") {
		owner = "openai"
	}
	return model{ID: id, Object: "model", Created: 1686935002, OwnedBy: owner}
}

func (s *Server) hasModel(id string) bool {
	for _, m := range s.cfg.models {
		if m == id {
			return true
		}
	}
	return false
}

// modelNotFound answers 404 model_not_found, as the API does for a model
// that does not exist or that the key may not use.
func modelNotFound(w http.ResponseWriter, id string) {
	writeError(w, http.StatusNotFound, apiError{
		Message: fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", id),
		Type:    "invalid_request_error", Code: "model_not_found"})
}

// listModels answers GET /models with ListModelsResponse.
func (s *Server) listModels(x *exchange) {
	data := make([]model, 0, len(s.cfg.models))
	for _, id := range s.cfg.models {
		data = append(data, newModel(id))
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

// getModel answers GET /models/{model}.
func (s *Server) getModel(x *exchange, id string) {
	if !s.hasModel(id) {
		modelNotFound(x.w, id)
		return
	}
	writeJSON(x.w, http.StatusOK, newModel(id))
}
