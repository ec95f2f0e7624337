// Package usage is the local usage log: one row per API call, whether the app
// made it or the gateway forwarded it, written through a bounded queue by one
// writer in batched transactions, and turned into reports. Rows live behind
// the Store interface so a shared host can move them to a server database.
package usage

import "time"

// Sources of a usage row.
const (
	SourceApp     = "app"     // a call Steward itself made (key checks, moderation runs, draft polish)
	SourceGateway = "gateway" // a call the local gateway forwarded for the team's apps
)

// Unknown marks a token count the call did not report (a stream without usage).
const Unknown = -1

// Event is one API call. It never holds a key (only its fingerprint) and,
// unless a team switches body logging on, never a prompt or completion.
type Event struct {
	Time            time.Time     `json:"time"`
	Source          string        `json:"source"`          // SourceApp or SourceGateway
	Member          string        `json:"member"`          // who made it, when known
	KeyFingerprint  string        `json:"key_fingerprint"` // hex SHA-256 of the key used
	Endpoint        string        `json:"endpoint"`        // e.g. "/v1/chat/completions"
	Method          string        `json:"method"`
	Model           string        `json:"model"`
	Status          int           `json:"status"`     // HTTP status; 0 when no answer came
	ErrorType       string        `json:"error_type"` // OpenAI error type or a local reason ("timeout", "client_closed")
	Latency         time.Duration `json:"latency"`
	TimeToFirstByte time.Duration `json:"ttfb"` // streams only
	Stream          bool          `json:"stream"`
	InputTokens     int64         `json:"input_tokens"` // Unknown when not reported; includes CachedTokens, as the API counts them
	CachedTokens    int64         `json:"cached_tokens"`
	OutputTokens    int64         `json:"output_tokens"` // includes ReasoningTokens, as the API counts them
	ReasoningTokens int64         `json:"reasoning_tokens"`
	RequestID       string        `json:"request_id"`
	CostUSD         float64       `json:"cost_usd"` // estimated from the price table when written
	// Provider names the gateway provider that answered ("primary" or a
	// fallback's name); "" for the app's own calls.
	Provider string `json:"provider"`

	// RequestBody and ResponseBody are the prompt and completion, for teams
	// that switched body logging on (Policy.BodyLogging). Service.Insert
	// drops them when it is off and redacts them when RedactPII is set; they
	// never appear in the event's JSON.
	RequestBody  string `json:"-"`
	ResponseBody string `json:"-"`
	BodyRedacted bool   `json:"-"` // set by Service.Insert when it redacted the bodies
}

// Recorder takes usage events. Record must never block or fail the call it
// describes: an implementation queues and counts what it cannot keep.
type Recorder interface {
	Record(Event)
}

// RecorderFunc adapts a function to Recorder.
type RecorderFunc func(Event)

// Record calls f.
func (f RecorderFunc) Record(e Event) { f(e) }
