package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/gateway"
	"steward/backend/keys"
)

// membersPolicy prints or changes a member's gateway policy.
func membersPolicy(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members policy", env.Stderr)
	models := fs.String("models", "", "models the member may call, comma-separated (a trailing * matches a prefix); \"\" allows any")
	rpm := fs.Int("rpm", 0, "requests per minute; 0 for no limit")
	tpd := fs.Int64("tokens-per-day", 0, "input plus output tokens per day; 0 for no limit")
	moderate := fs.String("moderate", "", "on: refuse inputs the moderation endpoint flags; off")
	piiPolicy := fs.String("pii", "", "personal data in requests: off, redact or block")
	outMod := fs.String("output-moderation", "", "non-streamed answers: off, log (flagged ones with their categories) or block (replaced by an error)")
	clear := fs.Bool("clear", false, "remove the policy: the member may call anything")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*moderate != "" && *moderate != "on" && *moderate != "off") || (*rpm < 0 || *tpd < 0) ||
		!slices.Contains([]string{"", gateway.OutputModerationOff, gateway.OutputModerationLog, gateway.OutputModerationBlock}, *outMod) {
		return usageErr("usage: steward members policy NAME [--models a,b] [--rpm N] [--tokens-per-day N] [--moderate on|off] [--pii off|redact|block] [--output-moderation off|log|block] [--clear]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		p, err := memberPolicy(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		if fs.NFlag() > 0 {
			if *clear {
				p = gateway.Policy{Member: pos[0]}
			}
			applyPolicyFlags(fs, &p, *models, *rpm, *tpd, *moderate, *piiPolicy)
			if *outMod != "" {
				p.OutputModeration = *outMod
			}
			if p, err = svc.Gateway.SetPolicy(ctx, p); err != nil {
				return err
			}
		}
		printPolicy(env, p)
		return nil
	})
}

// memberPolicy is the member's saved policy, or an empty one.
func memberPolicy(ctx context.Context, svc *app.Services, member string) (gateway.Policy, error) {
	ms, err := svc.Keys.Members(ctx)
	if err != nil {
		return gateway.Policy{}, err
	}
	if !slices.ContainsFunc(ms, func(m keys.Member) bool { return m.Name == member }) {
		return gateway.Policy{}, apperr.New(apperr.NotFound, "cli.members_policy", "what", "The member "+member)
	}
	ps, err := svc.Gateway.Policies(ctx)
	if err != nil {
		return gateway.Policy{}, err
	}
	for _, p := range ps {
		if p.Member == member {
			return p, nil
		}
	}
	return gateway.Policy{Member: member, Moderation: gateway.ModerationOff, PII: gateway.PIIOff}, nil
}

func applyPolicyFlags(fs *flag.FlagSet, p *gateway.Policy, models string, rpm int, tpd int64, moderate, piiPolicy string) {
	if flagSet(fs, "models") {
		p.AllowedModels = nil
		for _, m := range strings.Split(models, ",") {
			if m = strings.TrimSpace(m); m != "" {
				p.AllowedModels = append(p.AllowedModels, m)
			}
		}
	}
	if flagSet(fs, "rpm") {
		p.RequestsPerMinute = rpm
	}
	if flagSet(fs, "tokens-per-day") {
		p.TokensPerDay = tpd
	}
	if moderate == "on" {
		p.Moderation = gateway.ModerationBlock
	} else if moderate == "off" {
		p.Moderation = gateway.ModerationOff
	}
	if flagSet(fs, "pii") {
		p.PII = piiPolicy
	}
}

func printPolicy(env *Env, p gateway.Policy) {
	models := strings.Join(p.AllowedModels, ",")
	if models == "" {
		models = "any"
	}
	moderate := "off"
	if p.Moderation == gateway.ModerationBlock {
		moderate = "on"
	}
	out := p.OutputModeration
	if out == "" {
		out = gateway.OutputModerationOff
	}
	fmt.Fprintf(env.Stdout, "member:         %s\nmodels:         %s\nrpm:            %s\ntokens-per-day: %s\nmoderate:       %s\npii:            %s\noutput-moderation: %s\n",
		p.Member, models, limit(int64(p.RequestsPerMinute)), limit(p.TokensPerDay), moderate, dash(p.PII), out)
}

func limit(n int64) string {
	if n == 0 {
		return "no limit"
	}
	return fmt.Sprint(n)
}
