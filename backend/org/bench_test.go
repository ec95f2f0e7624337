package org

import (
	"fmt"
	"testing"

	"steward/backend/openaitest"
)

// BenchmarkSync5000Keys syncs an organization of 10 projects with 500 keys
// each (100 of them in the register) against the stand-in: 10 pages of
// keys per project, plus each project's service accounts and settings.
//
//	scripts/with-keyring.sh go test -run '^$' -bench Sync5000 -benchtime 5x ./backend/org
func BenchmarkSync5000Keys(b *testing.B) {
	var org openaitest.Org
	var vals []string
	for p := range 10 {
		proj := openaitest.OrgProject{ID: fmt.Sprintf("proj_%02d", p), Name: fmt.Sprintf("Project %d", p), CreatedAt: t0.AddDate(-1, 0, p)}
		for i := range 500 {
			v := genKey(b, "sk-proj-")
			vals = append(vals, v)
			proj.Keys = append(proj.Keys, openaitest.ProjectKey{ID: fmt.Sprintf("key_%02d_%04d", p, i), Name: fmt.Sprint(i), Value: v,
				OwnerUser: "user_ann", CreatedAt: t0.AddDate(0, -1, 0), LastUsedAt: t0.AddDate(0, 0, -1)})
		}
		org.Projects = append(org.Projects, proj)
	}
	org.Users = []openaitest.OrgUser{{ID: "user_ann", Name: "Ann", Email: "ann@example.com", AddedAt: t0}}
	f := newFixture(b, org)
	for i := 0; i < 100; i++ {
		f.addLocal("Ann", fmt.Sprintf("k%d", i), vals[i*50])
	}
	f.connect()
	b.ResetTimer()
	var res SyncResult
	for range b.N {
		res = f.sync()
	}
	b.StopTimer()
	if res.Keys != 5000 {
		b.Fatalf("synced %d keys", res.Keys)
	}
	b.ReportMetric(float64(res.Calls), "calls/sync")
	b.ReportMetric(float64(res.Registered), "registered")
}
