package keys

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/applog"
	"steward/backend/secret"
	"steward/backend/store"
)

// outputs collects everything the register hands back to a caller: errors
// as both languages would show them, and results as the GUI would get them.
type outputs struct {
	t    *testing.T
	text []string
}

func (o *outputs) err(err error) {
	if err == nil {
		return
	}
	o.text = append(o.text, err.Error(), fmt.Sprintf("%+v", err))
	for _, lang := range []string{"en", "zh-CN"} {
		_, msg := apperr.Describe(err, lang)
		o.text = append(o.text, msg)
	}
}

func (o *outputs) val(v any, err error) {
	o.err(err)
	b, jerr := json.Marshal(v)
	if jerr != nil {
		o.t.Fatal(jerr)
	}
	o.text = append(o.text, string(b), fmt.Sprintf("%+v", v))
}

// leaksOf reports every 12-character piece of any key found in data, so a
// key is caught whole, truncated or embedded.
func leaksOf(data string, keys []string) []string {
	var out []string
	for _, k := range keys {
		for i := 0; i+12 <= len(k); i++ {
			if strings.Contains(data, k[i:i+12]) {
				out = append(out, fmt.Sprintf("%s at %d", secret.Redact(k), i))
				break
			}
		}
	}
	return out
}

// TestSecretsNeverLeaveTheVault runs every key flow with generated keys on a
// real data directory (SQLite, WAL, app log, file vault) and then checks no
// file and nothing returned contains any part of a key.
func TestSecretsNeverLeaveTheVault(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	log, err := applog.Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{genKey(t, "sk-proj-"), genKey(t, "sk-proj-"), genKey(t, "sk-svcacct-"), genKey(t, "sk-admin-")}
	c := &clock{t: fixedNow}
	ver := &fakeVerifier{result: Verification{Result: VerifyValid}}
	leaks := fakeLeaks{secret.Fingerprint(keys[2]): {Where: "deploy/.env:3"}}
	r := New(st, cheapVault(t, dir, testPass), Options{Verifier: ver, Leaks: leaks, Log: log.Logger, Now: c.Now})
	o := &outputs{t: t}

	runKeyFlows(t, r, o, ver, c, keys)
	_, err = openFileVault(dir, "the wrong passphrase", 10)
	o.err(err)

	if found := leaksOf(strings.Join(o.text, "\n"), keys); len(found) > 0 {
		t.Fatalf("a key appears in returned values or errors: %v", found)
	}
	checkDir(t, "open", dir, keys)
	if fi, err := os.Stat(filepath.Join(dir, store.FileName+"-wal")); err != nil || fi.Size() == 0 {
		t.Fatalf("expected a WAL file with content to check: %v", err)
	}
	if b, _ := os.ReadFile(log.Path()); !strings.Contains(string(b), `"event":"rotated"`) {
		t.Fatal("the app log did not record the key events, so checking it proves nothing")
	}
	st.Close()
	log.Close()
	checkDir(t, "closed", dir, keys)
}

// runKeyFlows drives every flow the GUI and CLI reach through the register,
// including the mistakes users make with keys.
func runKeyFlows(t *testing.T, r *Register, o *outputs, ver *fakeVerifier, c *clock, keys []string) {
	k1, k2, k3, admin := keys[0], keys[1], keys[2], keys[3]
	o.val(r.AddMember(ctx, MemberInput{Name: "Alice", Email: "alice@example.com", Role: "lead"}))
	o.val(r.AddMember(ctx, MemberInput{Name: "Bob"}))
	o.val(r.AddMember(ctx, MemberInput{Name: "Eve", Role: k1})) // a key typed into a field
	o.val(r.AddKey(ctx, KeyInput{Label: "alice-dev", Member: "Alice", Environment: EnvDev, Notes: "laptop"}, k1))
	o.val(r.AddKey(ctx, KeyInput{Label: "alice-dev-2", Member: "Alice", Environment: EnvDev}, k1)) // same key again
	o.val(r.AddKey(ctx, KeyInput{Label: "bob-shared", Member: "Bob", Environment: EnvDev}, k1))    // shared
	o.val(r.AddKey(ctx, KeyInput{Label: "bob-ci", Member: "Bob", Environment: EnvProd}, k3))
	o.val(r.AddKey(ctx, KeyInput{Label: "root", Member: "Alice", Environment: EnvProd}, admin))
	for _, bad := range []string{k2[:30], k2 + "!", k2[:20] + " " + k2[20:], "sk-ant-" + k2[8:], "x" + k2, k2 + "\n" + k1} {
		o.val(r.AddKey(ctx, KeyInput{Label: "bad", Member: "Bob", Environment: EnvDev}, bad))
	}
	o.val(r.AddKey(ctx, KeyInput{Label: "x", Member: k2, Environment: EnvDev}, k2)) // key as the member name
	o.val(r.AddKey(ctx, KeyInput{Label: k2, Member: "Bob", Environment: EnvDev}, genKey(t, "sk-proj-")))
	o.val(r.EditKey(ctx, "alice-dev", KeyEdit{Notes: ptr("now: " + k2)}))
	o.val(r.Verify(ctx, "alice-dev"))
	ver.result, ver.err = Verification{}, errors.New("401 Unauthorized: Incorrect API key provided: "+k1)
	o.val(r.Verify(ctx, "alice-dev"))
	ver.result, ver.err = Verification{Result: VerifyInvalid, Detail: "key " + k1 + " rejected"}, nil
	o.val(r.Verify(ctx, "alice-dev"))
	o.val(r.MarkForRotation(ctx, "alice-dev", true))
	o.val(r.AddPlace(ctx, "alice-dev", "GitHub Actions OPENAI_API_KEY"))
	o.val(r.AddPlace(ctx, "alice-dev", "OPENAI_API_KEY="+k2))
	o.val(r.Rotate(ctx, "alice-dev", k1)) // the same key
	o.val(r.Rotate(ctx, "alice-dev", k2))
	o.val(r.Rotate(ctx, "alice-dev", k1)) // back to the retired key
	places, err := r.Places(ctx, "alice-dev")
	o.val(places, err)
	o.val(r.TickPlace(ctx, places[0].ID, true))
	o.val(r.RevokeKey(ctx, "bob-shared", "shared with Alice"))
	c.advance(120 * day24)
	o.val(r.Findings(ctx))
	o.val(r.Keys(ctx))
	o.val(r.Members(ctx))
	o.val(r.Events(ctx, ""))
	o.val(r.Policies(ctx))
	o.err(r.RemoveMember(ctx, "Bob", Decision{}))
	o.err(r.RemoveMember(ctx, "Bob", Decision{Action: DecisionRevoke}))
	o.err(r.RemoveMember(ctx, "Alice", Decision{Action: k1}))
	if got, err := r.Secret(ctx, "alice-dev"); err != nil || got != k2 {
		t.Fatalf("Secret did not return the current key: %v", err)
	}
	m, l, ok := r.Lookup(secret.Fingerprint(k3))
	o.val([]any{m, l, ok}, nil)
	if len(ver.seen) != 3 || ver.seen[0] != k1 || ver.seen[2] != k1 {
		t.Fatalf("verifier saw %d keys, not alice-dev's each time", len(ver.seen))
	}
}

// checkDir fails if any file under dir holds any part of a key.
func checkDir(t *testing.T, when, dir string, keys []string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if found := leaksOf(string(b), keys); len(found) > 0 {
			t.Fatalf("%s: a key appears in %s: %v", when, filepath.Base(path), found)
		}
		return nil
	})
	if err != nil || n < 3 {
		t.Fatalf("%s: checked %d files (db, log and vault at least): %v", when, n, err)
	}
}

func ptr(s string) *string { return &s }
