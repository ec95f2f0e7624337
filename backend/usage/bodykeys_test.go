package usage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestBodyLoggingStoresNoKey logs, with and without PII redaction, every
// true positive of the leak scanner (every kind, every encoding) and every
// key cut by the body cap, then reads back every column of usage_bodies:
// no piece of any key may be there.
func TestBodyLoggingStoresNoKey(t *testing.T) {
	for _, redactPII := range []bool{false, true} {
		t.Run(fmt.Sprintf("RedactPII=%v", redactPII), func(t *testing.T) {
			svc, db, _ := newTestService(t)
			ctx := context.Background()
			pol, err := svc.Policy(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pol.BodyLogging.Enabled, pol.BodyLogging.RedactPII = true, redactPII
			if _, err := svc.SetPolicy(ctx, pol); err != nil {
				t.Fatal(err)
			}
			g := fakekey.New(21)
			var keys []string
			for kind, key := range g.Keys() {
				keys = append(keys, key)
				for i, tmpl := range secret.KeyExamples(kind) {
					e := ev(testNow.Add(-time.Duration(i+1)*time.Minute), "mei", "gpt-4o-mini", 1, 0, 1)
					e.RequestBody = g.Expand(tmpl, key)
					cut := 30 + i*7%(len(key)-30)
					e.ResponseBody = `{"choices":[{"message":{"content":"x\n` + key[:cut] + CutMark
					insert(t, svc, e)
				}
			}
			rows, err := db.st.Read().QueryContext(ctx, `SELECT * FROM usage_bodies`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			cols, _ := rows.Columns()
			n := 0
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				n++
				for _, v := range vals {
					for _, key := range keys {
						if fakekey.Holds(fmt.Sprint(v), key) {
							t.Errorf("usage_bodies holds a key: %s", secret.RedactKeys(fmt.Sprint(v)))
						}
					}
				}
			}
			if n == 0 {
				t.Fatal("no bodies were logged")
			}
		})
	}
}
