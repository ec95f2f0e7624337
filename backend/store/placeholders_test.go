package store

import "testing"

func TestRebind(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT ? , ?`, `SELECT $1 , $2`},
		{`SELECT '?', "a?b", ? -- what?` + "\n" + `, ?`, `SELECT '?', "a?b", $1 -- what?` + "\n" + `, $2`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
		{`/* a ? /* nested ? */ ? */ ?`, `/* a ? /* nested ? */ ? */ $1`},
		{`SELECT $q$ ? $q$, ?`, `SELECT $q$ ? $q$, $1`},
		{`SELECT $$?$$, ?`, `SELECT $$?$$, $1`},
		{`WHERE a = $1 AND b = ?`, `WHERE a = $1 AND b = $1`},
	} {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
