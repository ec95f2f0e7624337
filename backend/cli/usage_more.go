package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/usage"
)

// usagePrices lists the price table, sets a model's price or resets it.
func usagePrices(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage prices", env.Stderr)
	set := fs.String("set", "", "the model whose price to set")
	in := fs.Float64("input", 0, "US dollars per million input tokens")
	cached := fs.Float64("cached-input", 0, "US dollars per million cached input tokens")
	out := fs.Float64("output", 0, "US dollars per million output tokens")
	reset := fs.String("reset", "", "go back to the shipped price for this model")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || (*set != "" && *reset != "") {
		return usageOr(err, "usage: steward usage prices [--set MODEL --input N --output N [--cached-input N] | --reset MODEL]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		var list usage.PriceList
		var err error
		switch {
		case *set != "":
			list, err = svc.Usage.SetPrice(ctx, usage.Price{Model: *set, InputPerMillion: *in, CachedInputPerMillion: *cached, OutputPerMillion: *out})
		case *reset != "":
			list, err = svc.Usage.ResetPrice(ctx, *reset)
		default:
			list, err = svc.Usage.Prices(ctx)
		}
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "MODEL\tINPUT/M\tCACHED/M\tOUTPUT/M\tAS OF\tCUSTOM")
		for _, p := range list.Prices {
			fmt.Fprintf(tw, "%s\t%g\t%g\t%g\t%s\t%v\n", p.Model, p.InputPerMillion, p.CachedInputPerMillion, p.OutputPerMillion, p.AsOf, p.Custom)
		}
		return tw.Flush()
	})
}

// usageKeys maps the usage API's api_key_id values to local keys, for reconciliation.
func usageKeys(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage keys", env.Stderr)
	mapID := fs.String("map", "", "the organization's api_key_id to map")
	label := fs.String("label", "", "the registered key it is")
	forget := fs.String("forget", "", "forget the mapping of this api_key_id")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || (*mapID != "" && *label == "") {
		return usageOr(err, "usage: steward usage keys [--map API_KEY_ID --label LABEL | --forget API_KEY_ID]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		var err error
		switch {
		case *mapID != "":
			err = mapKey(ctx, svc, *mapID, *label)
		case *forget != "":
			err = svc.Usage.DeleteKeyMapping(ctx, *forget)
		}
		if err != nil {
			return err
		}
		ms, err := svc.Usage.KeyMappings(ctx)
		for _, m := range ms {
			fmt.Fprintf(env.Stdout, "%s\t%s\n", m.APIKeyID, m.Label)
		}
		return err
	})
}

// mapKey maps apiKeyID to the current key labelled label.
func mapKey(ctx context.Context, svc *app.Services, apiKeyID, label string) error {
	ks, err := svc.Keys.Keys(ctx)
	if err != nil {
		return err
	}
	for _, k := range ks {
		if k.Label == label && (k.Status == keys.StatusActive || k.Status == keys.StatusRotationDue) {
			_, err := svc.Usage.SetKeyMapping(ctx, usage.KeyMapping{APIKeyID: apiKeyID, Label: label, KeyFingerprint: k.Fingerprint})
			return err
		}
	}
	return apperr.New(apperr.NotFound, "cli.usage_keys", "what", "A current key labelled "+label)
}
