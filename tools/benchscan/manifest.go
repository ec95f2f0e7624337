package main

import (
	"encoding/json"
	"fmt"
	"os"

	"steward/backend/secret"
)

// manifest records what the generator planted, by fingerprint only, so the
// scores can be computed without keeping any key.
type manifest struct {
	Seed           uint64    `json:"seed"`
	Files          int       `json:"files"`
	Bytes          int64     `json:"bytes"`
	Planted        []planted `json:"planted"`        // keys in the working tree
	EnvPlanted     []planted `json:"envPlanted"`     // literal OPENAI_API_KEY values in env files
	Decoys         []planted `json:"decoys"`         // placeholders and look-alikes no scanner should report
	HistoryPlanted []planted `json:"historyPlanted"` // keys only in the repository's history
	HistoryCommits int       `json:"historyCommits"`
}

// planted is one thing put in the corpus.
type planted struct {
	Fingerprint string `json:"fingerprint"`
	Kind        string `json:"kind"`    // key kind, "env" or "decoy"
	Context     string `json:"context"` // how it was written
	File        string `json:"file"`
}

func (m *manifest) plant(list *[]planted, value, kind, context, file string) {
	*list = append(*list, planted{Fingerprint: secret.Fingerprint(value), Kind: kind, Context: context, File: file})
}

func (m *manifest) write(path string) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

func readManifest(path string) (*manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", path, err)
	}
	return &m, nil
}

// fingerprints is the set of fingerprints in lists.
func fingerprints(lists ...[]planted) map[string]bool {
	set := map[string]bool{}
	for _, l := range lists {
		for _, p := range l {
			set[p.Fingerprint] = true
		}
	}
	return set
}

// score counts which of want a scanner found, and what else it reported.
type score struct {
	Found, Planted, Extra, DecoysReported int
	Missed                                map[string]int // contexts of the planted items not found
	Reported                              map[string]int // contexts of the decoys reported
}

// scoreOf compares the fingerprints a scanner reported with the plan.
func scoreOf(reported map[string]bool, want []planted, allowed map[string]bool, decoys map[string]string) score {
	s := score{Planted: len(want), Missed: map[string]int{}, Reported: map[string]int{}}
	for _, p := range want {
		if reported[p.Fingerprint] {
			s.Found++
		} else {
			s.Missed[p.Context]++
		}
	}
	for fp := range reported {
		if !allowed[fp] {
			s.Extra++
			if ctx, ok := decoys[fp]; ok {
				s.DecoysReported++
				s.Reported[ctx]++
			}
		}
	}
	return s
}

// decoyContexts maps each decoy's fingerprint to its name.
func decoyContexts(ds []planted) map[string]string {
	out := map[string]string{}
	for _, d := range ds {
		out[d.Fingerprint] = d.Context
	}
	return out
}
