// Package gateway is Steward's local OpenAI-compatible proxy. Apps set
// OPENAI_BASE_URL to it (http://127.0.0.1:8787/v1 by default); it forwards
// every /v1/... request (and Azure OpenAI's /openai/... paths) with the same
// method, path, query and body, streams answers back as they arrive (a flush
// per chunk for server-sent events), and records one usage.Event per call.
//
// # Who may call
//
// A member authenticates with a Steward member token ("stw_" + 40 base62
// characters, stored only as its SHA-256 hash). The gateway swaps it for the
// team's upstream key, read from the vault through a KeySource, so members
// never hold the real key. A request that carries its own OpenAI key
// ("Authorization: Bearer sk-..." or "api-key: sk-...") passes through with
// its headers unchanged and is attributed by the key's fingerprint. Anything
// else is answered 401 in the API's error shape.
//
// # Usage
//
// Token counts come from the answer: the "usage" object of a JSON body
// (chat completions, embeddings, responses, ...), the usage chunk of a chat
// stream sent with stream_options.include_usage, and the response.completed
// (or .incomplete / .failed) event of a Responses stream. Only the top-level
// members needed are scanned, bodies larger than a small window are read
// from their tail, and nothing else is decoded. When a call that could use
// tokens reports none (a chat stream without include_usage, a dropped
// stream) its tokens are usage.Unknown; error answers and calls such as GET
// /models count zero.
//
// # Bodies are forwarded unchanged by default
//
// Config.AddIncludeUsage is off by default: the gateway forwards request
// bodies byte for byte, so what an app sends is exactly what the API gets and
// switching the gateway on can never change an app's behaviour. With it on,
// a streamed chat completion that did not ask for usage gets
// stream_options.include_usage set, so its tokens are counted; the client
// then receives one extra chunk before "data: [DONE]" whose choices are empty
// and whose usage is set (and a "usage": null field on the other chunks).
// The official SDKs handle that chunk; hand-written parsers that assume
// choices[0] exists may not. The gateway also rewrites bodies when a
// member's policy redacts personal data.
//
// # Faults
//
// Logging never delays or fails a call: usage.Recorder.Record queues without
// blocking. An upstream that cannot be reached, or sends no headers within
// Config.FirstByteTimeout, is answered 502 or 504 in the API's error shape; a
// stream the upstream drops is dropped on the client the same way, so the
// client sees the truncation; a client that goes away cancels the upstream
// call. Each case is recorded with an ErrorType ("upstream_unreachable",
// "upstream_timeout", "upstream_closed", "client_closed") and whatever usage
// was seen.
package gateway
