package openaitest

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
)

// embeddingRequest is CreateEmbeddingRequest.
type embeddingRequest struct {
	Model          string          `json:"model"`
	Input          json.RawMessage `json:"input"`
	EncodingFormat string          `json:"encoding_format"`
	Dimensions     int             `json:"dimensions"`
}

// embeddingInputs reads input as a string, strings, a token array or token
// arrays, returning a stable key and a token count for each.
func embeddingInputs(raw json.RawMessage) (keys []string, tokens []int, ok bool) {
	var s string
	var ss []string
	var ids []int
	var idss [][]int
	switch {
	case json.Unmarshal(raw, &s) == nil && s != "":
		return []string{s}, []int{CountTokens(s)}, true
	case json.Unmarshal(raw, &ss) == nil && len(ss) > 0:
		for _, v := range ss {
			if v == "" {
				return nil, nil, false
			}
			keys, tokens = append(keys, v), append(tokens, CountTokens(v))
		}
		return keys, tokens, true
	case json.Unmarshal(raw, &ids) == nil && len(ids) > 0:
		return []string{fmt.Sprint(ids)}, []int{len(ids)}, true
	case json.Unmarshal(raw, &idss) == nil && len(idss) > 0:
		for _, v := range idss {
			keys, tokens = append(keys, fmt.Sprint(v)), append(tokens, len(v))
		}
		return keys, tokens, true
	}
	return nil, nil, false
}

// embed answers POST /embeddings with a deterministic unit vector per
// input.
func (s *Server) embed(x *exchange) {
	var req embeddingRequest
	if !decodeBody(x, &req) {
		return
	}
	keys, tokens, ok := embeddingInputs(req.Input)
	switch {
	case req.Model == "":
		badRequest(x.w, "model", "missing_required_parameter", "Missing required parameter: 'model'.")
		return
	case !ok:
		badRequest(x.w, "", "", "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.")
		return
	case !s.hasModel(req.Model):
		modelNotFound(x.w, req.Model)
		return
	}
	total := 0
	for _, n := range tokens {
		total += n
	}
	if !s.takeTokens(x, req.Model, total) {
		return
	}
	dims := 1536
	if req.Model == "text-embedding-3-large" {
		dims = 3072
	}
	if req.Dimensions > 0 {
		dims = req.Dimensions
	}
	data := make([]map[string]any, len(keys))
	for i, k := range keys {
		v := vector(req.Model+"\x00"+k, dims)
		var emb any = v
		if req.EncodingFormat == "base64" {
			emb = encodeFloats(v)
		}
		data[i] = map[string]any{"object": "embedding", "embedding": emb, "index": i}
	}
	writeJSON(x.w, http.StatusOK, map[string]any{
		"object": "list", "data": data, "model": req.Model,
		"usage": map[string]int{"prompt_tokens": total, "total_tokens": total},
	})
}

// vector derives a unit vector from seed with splitmix64.
func vector(seed string, dims int) []float32 {
	state := hash64(seed)
	out := make([]float32, dims)
	var norm float64
	for i := range out {
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		z ^= z >> 31
		f := float64(z>>11)/float64(1<<53)*2 - 1
		out[i] = float32(f)
		norm += f * f
	}
	norm = math.Sqrt(norm)
	for i := range out {
		out[i] = float32(float64(out[i]) / norm)
	}
	return out
}

// encodeFloats is the base64 encoding_format: little-endian float32s.
func encodeFloats(v []float32) string {
	b := make([]byte, 4*len(v))
	for i, f := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(f))
	}
	return base64.StdEncoding.EncodeToString(b)
}
