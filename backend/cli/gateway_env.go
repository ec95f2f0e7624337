package cli

import (
	"flag"
	"fmt"
	"time"

	"steward/backend/app"
	"steward/backend/gateway"
)

// gatewayFlags are `steward gateway`'s flags; each has an environment
// variable, which the flag overrides, so a headless host can be configured
// by either.
type gatewayFlags struct {
	listen, upstream, keyLabel, admin, keyFile *string
	drain                                      *time.Duration
}

// Environment variables of `steward gateway`.
const (
	envListen       = "STEWARD_LISTEN"
	envUpstream     = "STEWARD_UPSTREAM"
	envKeyLabel     = "STEWARD_UPSTREAM_KEY_LABEL"
	envAdminListen  = "STEWARD_ADMIN_LISTEN"
	envDrainTimeout = "STEWARD_DRAIN_TIMEOUT"
)

// headlessFlags defines the gateway's flags on fs, their defaults taken
// from the environment.
func headlessFlags(fs *flag.FlagSet, env *Env) (gatewayFlags, error) {
	str := func(name, envName, usage string) *string {
		return fs.String(name, env.Getenv(envName), fmt.Sprintf("%s (env %s)", usage, envName))
	}
	var f gatewayFlags
	f.listen = str("listen", envListen, "address to listen on (default 127.0.0.1:8787, or the saved setting)")
	f.upstream = str("upstream", envUpstream, "the API to forward to (default OpenAI's, or the saved setting)")
	f.keyLabel = str("key", envKeyLabel, "the registered key member-token calls are sent with")
	f.keyFile = str("upstream-key-file", gateway.EnvUpstreamKeyFile,
		"a file holding the upstream key instead of --key, readable by its owner only (chmod 600); read at start and by /readyz")
	f.admin = str("admin-listen", envAdminListen, "address of the admin listener serving /healthz, /readyz and /metrics, e.g. 127.0.0.1:9464; off when empty")
	drain := app.DefaultDrainTimeout
	if v := env.Getenv(envDrainTimeout); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return f, usageErr("%s=%q is not a duration such as 30s or 2m", envDrainTimeout, v)
		}
		drain = d
	}
	f.drain = fs.Duration("drain-timeout", drain, fmt.Sprintf("on SIGTERM or SIGINT, how long calls in flight may finish before they are cut off (env %s)", envDrainTimeout))
	return f, nil
}
