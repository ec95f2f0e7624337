package cli

import (
	"context"
	"fmt"
	"strconv"

	"steward/backend/app"
	"steward/backend/checklist"
)

// checklistWorkspaces lists, creates or deletes workspaces.
func checklistWorkspaces(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist workspaces", env.Stderr)
	create := fs.String("create", "", "create a workspace with this name")
	del := fs.String("delete", "", "delete this workspace and its answers")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || fs.NFlag() > 1 {
		return usageOr(err, "usage: steward checklist workspaces [--create NAME | --delete NAME]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		var err error
		switch {
		case *create != "":
			_, err = svc.Checklist.CreateWorkspace(ctx, *create)
		case *del != "":
			err = svc.Checklist.DeleteWorkspace(ctx, *del)
		}
		if err != nil {
			return err
		}
		ws, err := svc.Checklist.ListWorkspaces(ctx)
		for _, w := range ws {
			fmt.Fprintln(env.Stdout, w.Name)
		}
		return err
	})
}

// checklistEvidence attaches evidence to an item or removes it.
func checklistEvidence(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist evidence", env.Stderr)
	ws := fs.String("workspace", "", "the workspace")
	kind := fs.String("kind", "", "file, url or record")
	ref := fs.String("ref", "", "the file path, URL or record reference")
	label := fs.String("label", "", "a short description")
	remove := fs.String("remove", "", "remove the evidence with this id")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *ws == "" || (*remove == "" && len(pos) != 1) {
		return usageErr("usage: steward checklist evidence ITEM --workspace NAME --kind file|url|record --ref REF [--label TEXT], or --workspace NAME --remove ID")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		var it checklist.ItemState
		var err error
		if *remove != "" {
			id, perr := strconv.ParseInt(*remove, 10, 64)
			if perr != nil {
				return usageErr("--remove takes the evidence's id, a number")
			}
			it, err = svc.Checklist.RemoveEvidence(ctx, *ws, id)
		} else {
			it, err = svc.Checklist.AddEvidence(ctx, *ws, pos[0], checklist.EvidenceInput{Kind: *kind, Ref: *ref, Label: *label})
		}
		if err != nil {
			return err
		}
		for _, e := range it.Evidence {
			fmt.Fprintf(env.Stdout, "%s evidence %d: %s %s\n", it.ID, e.ID, e.Kind, e.Ref)
		}
		return nil
	})
}

// checklistReviewed records that the workspace reviewed the current catalogue.
func checklistReviewed(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist reviewed", env.Stderr)
	ws := fs.String("workspace", "", "the workspace")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || *ws == "" {
		return usageOr(err, "usage: steward checklist reviewed --workspace NAME")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		if err := svc.Checklist.MarkReviewed(ctx, *ws); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s has reviewed the current catalogue\n", *ws)
		return nil
	})
}
