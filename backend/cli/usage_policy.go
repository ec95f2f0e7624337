package cli

import (
	"context"
	"flag"
	"fmt"

	"steward/backend/app"
	"steward/backend/usage"
)

// onOff is a flag that takes on or off.
type onOff struct {
	set bool
	on  bool
}

func (o *onOff) String() string { return map[bool]string{true: "on", false: "off"}[o.on] }

func (o *onOff) Set(v string) error {
	switch v {
	case "on":
		o.on = true
	case "off":
		o.on = false
	default:
		return fmt.Errorf("use on or off, not %q", v)
	}
	o.set = true
	return nil
}

// changePolicy loads the usage policy, lets change edit it when any flag
// was given, saves it, and prints it with show.
func changePolicy(ctx context.Context, env *Env, fs *flag.FlagSet, change func(*usage.Policy), show func(usage.Policy)) error {
	return withServices(ctx, env, func(svc *app.Services) error {
		p, err := svc.Usage.Policy(ctx)
		if err != nil {
			return err
		}
		if fs.NFlag() > 0 {
			change(&p)
			if p, err = svc.Usage.SetPolicy(ctx, p); err != nil {
				return err
			}
		}
		show(p)
		return nil
	})
}

// usagePolicy prints or changes retention and body logging.
func usagePolicy(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage policy", env.Stderr)
	var logBodies, redact onOff
	fs.Var(&logBodies, "log-bodies", "keep prompt and completion bodies: on or off")
	fs.Var(&redact, "redact-pii", "redact personal data from kept bodies: on or off")
	retention := fs.Int("retention-days", 0, "days usage events are kept (daily totals stay)")
	bodyRetention := fs.Int("body-retention-days", 0, "days kept bodies are kept")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageOr(err, "usage: steward usage policy [--log-bodies on|off] [--retention-days N] [--body-retention-days N] [--redact-pii on|off]")
	}
	return changePolicy(ctx, env, fs, func(p *usage.Policy) {
		if logBodies.set {
			p.BodyLogging.Enabled = logBodies.on
		}
		if redact.set {
			p.BodyLogging.RedactPII = redact.on
		}
		if flagSet(fs, "retention-days") {
			p.RetentionDays = *retention
		}
		if flagSet(fs, "body-retention-days") {
			p.BodyLogging.RetentionDays = *bodyRetention
		}
	}, func(p usage.Policy) {
		fmt.Fprintf(env.Stdout, "retention-days:      %d\nlog-bodies:          %s\nbody-retention-days: %d\nredact-pii:          %s\n",
			p.RetentionDays, onOffText(p.BodyLogging.Enabled), p.BodyLogging.RetentionDays, onOffText(p.BodyLogging.RedactPII))
	})
}

// usageBudget prints or sets the monthly budget.
func usageBudget(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage budget", env.Stderr)
	monthly := fs.Float64("monthly-usd", 0, "the monthly budget in US dollars; 0 for none")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageOr(err, "usage: steward usage budget [--monthly-usd N]")
	}
	return changePolicy(ctx, env, fs, func(p *usage.Policy) { p.MonthlyBudgetUSD = *monthly }, func(p usage.Policy) {
		if p.MonthlyBudgetUSD == 0 {
			fmt.Fprintln(env.Stdout, "monthly-usd: none")
			return
		}
		fmt.Fprintf(env.Stdout, "monthly-usd: %.2f\n", p.MonthlyBudgetUSD)
	})
}

// usageAlerts prints or tunes the alert rules.
func usageAlerts(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage alerts", env.Stderr)
	var r usage.AlertRules
	fs.Float64Var(&r.SpikeFactor, "spike-factor", 0, "a spike is a day or hour above this times the trailing median")
	fs.IntVar(&r.SpikeMinRequests, "spike-min-requests", 0, "and with at least this many requests")
	fs.IntVar(&r.Burst429Count, "burst-429-count", 0, "a 429 burst is at least this many rate-limited calls")
	fs.IntVar(&r.Burst429Minutes, "burst-429-minutes", 0, "within this many minutes")
	fs.IntVar(&r.BudgetWarnPercent, "budget-warn-percent", 0, "warn at this percentage of the monthly budget")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageOr(err, "usage: steward usage alerts [--spike-factor F] [--spike-min-requests N] [--burst-429-count N] [--burst-429-minutes N] [--budget-warn-percent N]")
	}
	return changePolicy(ctx, env, fs, func(p *usage.Policy) {
		fs.Visit(func(f *flag.Flag) {
			switch f.Name {
			case "spike-factor":
				p.Alerts.SpikeFactor = r.SpikeFactor
			case "spike-min-requests":
				p.Alerts.SpikeMinRequests = r.SpikeMinRequests
			case "burst-429-count":
				p.Alerts.Burst429Count = r.Burst429Count
			case "burst-429-minutes":
				p.Alerts.Burst429Minutes = r.Burst429Minutes
			case "budget-warn-percent":
				p.Alerts.BudgetWarnPercent = r.BudgetWarnPercent
			}
		})
	}, func(p usage.Policy) {
		a := p.Alerts
		fmt.Fprintf(env.Stdout, "spike-factor:        %g\nspike-min-requests:  %d\nburst-429-count:     %d\nburst-429-minutes:   %d\nbudget-warn-percent: %d\n",
			a.SpikeFactor, a.SpikeMinRequests, a.Burst429Count, a.Burst429Minutes, a.BudgetWarnPercent)
	})
}

// usageOr returns err when parsing failed, else a usage error with msg.
func usageOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return usageErr("%s", msg)
}

func onOffText(on bool) string { return map[bool]string{true: "on", false: "off"}[on] }
