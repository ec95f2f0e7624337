package gui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"steward/backend/app"
	"steward/backend/app/gui/gen"
	"steward/backend/apperr"
)

// TestBindingsAreGenerated fails when the generated files no longer match
// the services: run `go generate ./backend/app/gui` and `make bindings`.
func TestBindingsAreGenerated(t *testing.T) {
	want, err := gen.Files()
	if err != nil {
		t.Fatal(err)
	}
	have, err := filepath.Glob("*_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range have {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is no longer generated: run go generate ./backend/app/gui", name)
		}
	}
	for name, src := range want {
		got, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(got, src) {
			t.Errorf("%s is stale: run go generate ./backend/app/gui, then make bindings", name)
		}
	}
}

// TestUnavailableAnswersEveryMethod calls every bound method of the
// unavailable bindings: each returns data_unavailable naming the cause,
// and none reaches a service.
func TestUnavailableAnswersEveryMethod(t *testing.T) {
	cause := errors.New("disk on fire")
	for _, b := range Unavailable(cause) {
		v := reflect.ValueOf(b)
		for i := 0; i < v.NumMethod(); i++ {
			m := v.Method(i)
			args := make([]reflect.Value, m.Type().NumIn())
			for j := range args {
				args[j] = reflect.Zero(m.Type().In(j))
			}
			out := m.Call(args)
			err, _ := out[len(out)-1].Interface().(error)
			name := reflect.TypeOf(b).Elem().Name() + "." + reflect.TypeOf(b).Method(i).Name
			if !apperr.Is(err, app.CodeDataUnavailable) || !errors.Is(err, cause) {
				t.Errorf("%s returned %v", name, err)
			}
		}
	}
}

// TestBindPassesTheWindowContext checks a bound call runs under the
// context Bind was given.
func TestBindPassesTheWindowContext(t *testing.T) {
	s, err := app.Open(context.Background(), app.Options{DataDir: t.TempDir(), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, b := range Bind(s, func() context.Context { return ctx }) {
		if k, ok := b.(*Keys); ok {
			if _, err := k.Members(); !errors.Is(err, context.Canceled) {
				t.Fatalf("Members under a cancelled window context = %v", err)
			}
			return
		}
	}
	t.Fatal("no Keys binding")
}
