// Package gui is the application layer as the window calls it. Wails v2
// binds plain methods and cannot pass a context, so each struct here wraps
// one backend/app service, supplying the window's context; the wrappers
// are generated (tools/bindgen) so they always match the services.
package gui

//go:generate go run ../../../tools/bindgen

import (
	"context"

	"steward/backend/app"
)

// Bind returns the structs to bind for the opened services; ctx is the
// context calls run under (the window's).
func Bind(s *app.Services, ctx func() context.Context) []any { return bind(s, ctx, nil) }

// Unavailable returns the same structs for a data folder that could not be
// opened: every method returns an error with code data_unavailable naming
// the problem, and no service is half built.
func Unavailable(openErr error) []any {
	return bind(nil, context.Background, app.Unavailable(openErr))
}
