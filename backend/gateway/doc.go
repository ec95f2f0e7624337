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
//
// # Fallback providers
//
// Calls go to the primary (Config.Upstream with Config.UpstreamKeyLabel),
// then to the fallbacks of Deps.Fallbacks in order (any OpenAI-compatible
// API, each with its own key from the vault and a model map). A member-token
// call moves on to the next provider when one answers with an account-level
// failure (401 with the team key, account_deactivated, 403
// unsupported_country_region_territory, 429 insufficient_quota), a 5xx, or
// does not connect or answer within Config.ConnectTimeout /
// Config.FirstByteTimeout, and only while nothing of the answer has reached
// the client. A 400 or a rate-limit 429 is the request's own answer and is
// passed back as it is. Streams fail over the same way, before their first
// byte. Calls with a member's own key, and bodies too large to read whole
// (Config.PolicyBodyBytes), go to the primary only. A provider's circuit
// breaker opens at once on an account-level failure, or after three
// transient failures in a row, keeping calls off it for
// Config.BreakerCooldown; then one call probes it, and a success closes it.
// Every usage row names the provider that answered (usage.Event.Provider).
//
// # Ban avoidance
//
// Member-token chat and Responses calls that carry no safety_identifier get
// one: a hex HMAC-SHA256, keyed by a per-team secret kept in the vault
// (SafetySecretAccount), of the member, or of the member's end user when the
// app names one in the X-Steward-End-User header (HeaderEndUser). That
// header is never forwarded; nothing but the hash leaves or is stored.
// Config.NoSafetyIdentifiers turns this off. Config.ResponsesStoreFalse sets
// "store": false on Responses calls. A member's Policy.OutputModeration
// screens non-streamed answers (log, or block with an error in the API's
// shape). With Config.BlocklistThreshold set, an end user whose requests or
// answers were flagged that many times in a day is refused with 403
// end_user_blocked until released (Guard.Release).
//
// # Early warnings
//
// Answers that say the account is in trouble, failovers on account-level
// failures, rate-limit headroom under 10% (from x-ratelimit-* headers, per
// provider, key and model), flagged answers and blocked end users raise an
// Alert: kept in Stats.Alerts, written to the log as a line starting
// "ALERT", and handed to Deps.OnAlert (Guard.RecordAlert keeps them in the
// gateway_events table, evidence for OP-07).
package gateway
