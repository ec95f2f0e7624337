package telemetry

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
)

// The GenAI attribute keys come from semconv v1.40.0, the newest version
// the SDK ships with GenAI conventions (later ones moved them to their own
// repository). Steward's own attributes are named here.
const (
	// KeyMember is the member a call is attributed to.
	KeyMember = attribute.Key("steward.member")
	// KeyFingerprint is the fingerprint of the key a call went out with,
	// as the usage log records it; never the key.
	KeyFingerprint = attribute.Key("steward.key.fingerprint")
	// KeyRefused marks a call the gateway answered itself (a policy, a
	// limit, a bad token) without forwarding it.
	KeyRefused = attribute.Key("steward.refused")
	// KeyRequestID is the upstream's x-request-id, to quote to its support.
	KeyRequestID = attribute.Key("steward.upstream.request_id")
)

// Aliases of the semconv keys used, so the record code reads plainly.
const (
	keyOperation      = semconv.GenAIOperationNameKey
	keyProvider       = semconv.GenAIProviderNameKey
	keyRequestModel   = semconv.GenAIRequestModelKey
	keyResponseModel  = semconv.GenAIResponseModelKey
	keyResponseID     = semconv.GenAIResponseIDKey
	keyInputTokens    = semconv.GenAIUsageInputTokensKey
	keyOutputTokens   = semconv.GenAIUsageOutputTokensKey
	keyCachedTokens   = semconv.GenAIUsageCacheReadInputTokensKey
	keyTokenType      = semconv.GenAITokenTypeKey
	keyInputMessages  = semconv.GenAIInputMessagesKey
	keyOutputMessages = semconv.GenAIOutputMessagesKey
	keyErrorType      = semconv.ErrorTypeKey
	keyHTTPStatus     = semconv.HTTPResponseStatusCodeKey
	keyServerAddress  = semconv.ServerAddressKey
	keyServerPort     = semconv.ServerPortKey
)

// tokenBuckets are the bucket boundaries the GenAI metric conventions
// advise for gen_ai.client.token.usage.
func tokenBuckets() []float64 {
	return []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}
}

// durationBuckets are those advised for gen_ai.client.operation.duration.
func durationBuckets() []float64 {
	return []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}
}
