package app

import (
	"context"
	"testing"
)

func TestPing(t *testing.T) {
	s, err := Open(context.Background(), Options{DataDir: t.TempDir(), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(context.Background()); err != nil {
		t.Fatalf("Ping on an open store: %v", err)
	}
	s.Close()
	if err := s.Ping(context.Background()); err == nil {
		t.Fatal("Ping after Close: no error")
	}
}
