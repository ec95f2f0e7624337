package app

import (
	"context"
	"reflect"
	"testing"
)

// TestBoundMethodsTakeContextFirst walks every service the window binds and
// fails on an exported method that does not take a context.Context first
// or does not return (T, error) or error.
func TestBoundMethodsTakeContextFirst(t *testing.T) {
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	errType := reflect.TypeOf((*error)(nil)).Elem()
	for _, v := range BoundTypes() {
		typ := reflect.TypeOf(v)
		if typ.NumMethod() == 0 {
			t.Errorf("%s has no exported methods", typ)
		}
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			ft := m.Type // the receiver is In(0)
			if ft.NumIn() < 2 || ft.In(1) != ctxType {
				t.Errorf("%s.%s: the first parameter is not context.Context", typ.Elem().Name(), m.Name)
			}
			if n := ft.NumOut(); n == 0 || n > 2 || ft.Out(n-1) != errType {
				t.Errorf("%s.%s: return (T, error) or error", typ.Elem().Name(), m.Name)
			}
		}
	}
}

// TestServicesBindEveryBoundType checks that Services.Bound and BoundTypes
// list the same services, so the generated bindings cover what is opened.
func TestServicesBindEveryBoundType(t *testing.T) {
	s := &Services{Checklist: &Checklist{}, Checks: &Checks{}, Keys: &Keys{}, LeakScan: &LeakScan{}, Moderation: &Moderation{},
		Usage: &Usage{}, Gateway: &Gateway{}, Privacy: &Privacy{}, Org: &Org{}, Settings: &Settings{}, Data: &Data{}}
	bound, types := s.Bound(), BoundTypes()
	if len(bound) != len(types) {
		t.Fatalf("Bound lists %d services, BoundTypes %d", len(bound), len(types))
	}
	for i := range bound {
		if reflect.TypeOf(bound[i]) != reflect.TypeOf(types[i]) {
			t.Errorf("position %d: %T bound, %T listed", i, bound[i], types[i])
		}
	}
}
