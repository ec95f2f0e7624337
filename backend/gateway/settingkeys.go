package gateway

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"steward/backend/apperr"
)

// Setting is one gateway setting by the name `steward settings` uses.
type Setting struct {
	Key   string `json:"key"`   // e.g. "gateway.first_byte_timeout"
	Value string `json:"value"` // as set, or the default
	Help  string `json:"help"`
}

// settingDef reads and writes one field of Config by name.
type settingDef struct {
	help string
	get  func(Config) string
	set  func(*Config, string) error
}

// settingDefs are the gateway's named settings. Durations are Go durations
// ("120s", "10m").
var settingDefs = map[string]settingDef{
	"gateway.connect_timeout": {"how long opening a connection to a provider may take",
		func(c Config) string { return c.ConnectTimeout.String() }, durationSetter(func(c *Config) *time.Duration { return &c.ConnectTimeout })},
	"gateway.first_byte_timeout": {"how long a provider may take to start answering",
		func(c Config) string { return c.FirstByteTimeout.String() }, durationSetter(func(c *Config) *time.Duration { return &c.FirstByteTimeout })},
	"gateway.idle_timeout": {"how long a stream may stay silent mid-answer",
		func(c Config) string { return c.IdleTimeout.String() }, durationSetter(func(c *Config) *time.Duration { return &c.IdleTimeout })},
	"gateway.breaker_cooldown": {"how long traffic stays off a failed provider before it is probed",
		func(c Config) string { return c.BreakerCooldown.String() }, durationSetter(func(c *Config) *time.Duration { return &c.BreakerCooldown })},
	"gateway.safety_identifiers": {"add a hashed safety_identifier to member-token chat and Responses calls (on|off)",
		func(c Config) string { return onOff(!c.NoSafetyIdentifiers) },
		func(c *Config, v string) error { on, err := parseOnOff(v); c.NoSafetyIdentifiers = !on; return err }},
	"gateway.responses_store_false": {`send "store": false on Responses calls (on|off)`,
		func(c Config) string { return onOff(c.ResponsesStoreFalse) },
		func(c *Config, v string) error { on, err := parseOnOff(v); c.ResponsesStoreFalse = on; return err }},
	"gateway.blocklist_threshold": {"refuse an end user flagged this many times in a day (0: off)",
		func(c Config) string { return strconv.Itoa(c.BlocklistThreshold) },
		func(c *Config, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
				return fmt.Errorf("%q is not a whole number of 0 or more", v)
			}
			c.BlocklistThreshold = n
			return nil
		}},
	"gateway.upstream":     {"the primary provider's API root", func(c Config) string { return c.Upstream }, func(c *Config, v string) error { c.Upstream = v; return nil }},
	"gateway.upstream_key": {"label of the registered key member-token calls use", func(c Config) string { return c.UpstreamKeyLabel }, func(c *Config, v string) error { c.UpstreamKeyLabel = v; return nil }},
	"gateway.listen":       {"the address the gateway listens on", func(c Config) string { return c.Listen }, func(c *Config, v string) error { c.Listen = v; return nil }},
}

func durationSetter(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil || d <= 0 {
			return fmt.Errorf("%q is not a positive duration such as 30s or 10m", v)
		}
		*field(c) = d
		return nil
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func parseOnOff(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "1", "yes":
		return true, nil
	case "off", "false", "0", "no":
		return false, nil
	}
	return false, fmt.Errorf("%q is not on or off", v)
}

// CodeSettingUnknown marks a setting name the gateway does not have.
const CodeSettingUnknown apperr.Code = "gateway_setting_unknown"

// IsSetting reports whether key names a gateway setting.
func IsSetting(key string) bool { _, ok := settingDefs[key]; return ok }

// Settings lists the gateway's named settings with their saved values.
func (a *Access) Settings(ctx context.Context) ([]Setting, error) {
	c, err := a.SavedConfig(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Setting, 0, len(settingDefs))
	for k, d := range settingDefs {
		out = append(out, Setting{Key: k, Value: d.get(c), Help: d.help})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// SetSetting changes one named setting, checks the whole configuration and
// saves it; the gateway uses it from its next start.
func (a *Access) SetSetting(ctx context.Context, key, value string) (Setting, error) {
	const op = "gateway.set_setting"
	d, ok := settingDefs[key]
	if !ok {
		names := make([]string, 0, len(settingDefs))
		for k := range settingDefs {
			names = append(names, k)
		}
		sort.Strings(names)
		return Setting{}, apperr.Text(CodeSettingUnknown, op,
			fmt.Sprintf("There is no setting %q. Gateway settings: %s.", key, strings.Join(names, ", ")),
			fmt.Sprintf("没有名为“%s”的设置。网关设置有：%s。", key, strings.Join(names, ", ")))
	}
	c, err := a.SavedConfig(ctx)
	if err != nil {
		return Setting{}, err
	}
	if err := d.set(&c, value); err != nil {
		return Setting{}, apperr.Text(CodeConfigInvalid, op,
			fmt.Sprintf("%s: %v.", key, err), fmt.Sprintf("%s：取值无效（%v）。", key, err))
	}
	if c, err = a.SaveConfig(ctx, c); err != nil {
		return Setting{}, err
	}
	return Setting{Key: key, Value: d.get(c), Help: d.help}, nil
}
