package checks

import (
	"cmp"
	"context"
	"slices"
	"time"

	"steward/backend/checklist"
	"steward/backend/moderation"
	"steward/backend/usage"
)

// Overview is the posture of every workspace, the open findings across the
// app, what is due next and, on a first run, the guide. Every line names
// the screen that fixes it.
type Overview struct {
	Workspaces []Posture     `json:"workspaces"`
	Findings   []OpenFinding `json:"findings"`
	Due        []DueItem     `json:"due"`
	Guide      []GuideStep   `json:"guide"`
	FirstRun   bool          `json:"first_run"` // some guide step is still open
}

// Posture is one workspace at a glance; Failing lists its failing checks first.
type Posture struct {
	Workspace string   `json:"workspace"`
	Percent   int      `json:"percent"` // done of applicable items
	Done      int      `json:"done"`
	Failing   int      `json:"failing"`
	Stale     int      `json:"stale"`
	DueSoon   int      `json:"due_soon"` // due within 14 days, not done
	Overdue   int      `json:"overdue"`
	Checks    []Result `json:"checks"`  // failing first, then unknown, then passing
	Screens   []string `json:"screens"` // per check, the screen that fixes it
}

// OpenFinding is a problem found outside the checklist.
type OpenFinding struct {
	Source   string         `json:"source"`   // keys, leakscan, usage, org
	Severity string         `json:"severity"` // critical, high, medium, low, warning
	Title    checklist.Text `json:"title"`
	Ref      string         `json:"ref"`    // a finding id, a folder, an alert kind
	Screen   string         `json:"screen"` // the screen that fixes it
}

// DueItem is a checklist item with a due date, not done.
type DueItem struct {
	Workspace string         `json:"workspace"`
	Item      string         `json:"item"`
	Title     checklist.Text `json:"title"`
	Due       string         `json:"due"`
	Overdue   bool           `json:"overdue"`
}

// GuideStep is one step of the first-run guide; Done ticks itself.
type GuideStep struct {
	ID     string         `json:"id"`
	Title  checklist.Text `json:"title"`
	Done   bool           `json:"done"`
	Screen string         `json:"screen"`
}

// dueSoonDays is how far ahead "due soon" looks.
const dueSoonDays = 14

// screenOf names the screen that fixes what a check reads first.
var screenOf = map[string]string{SourceKeys: "keys", SourceLeaks: "leakscan", SourceUsage: "usage", SourceGateway: "gateway",
	SourceModeration: "moderation", SourcePrivacy: "privacy", SourceOrg: "org", SourceProviders: "gateway"}

// Screen names the screen that fixes an item's check, or "checklist".
func (s *Service) Screen(item string) string {
	for _, c := range s.checks {
		if c.item == item {
			return screenOf[c.sources[0]]
		}
	}
	return "checklist"
}

// Overview gathers the posture of every workspace from the stored results
// (run them first with Startup or RunAll), the open findings and the guide.
func (s *Service) Overview(ctx context.Context) (Overview, error) {
	var o Overview
	wss, err := s.list.ListWorkspaces()
	if err != nil {
		return o, err
	}
	for _, w := range wss {
		p, due, err := s.posture(ctx, w.Name)
		if err != nil {
			return o, err
		}
		o.Workspaces = append(o.Workspaces, p)
		o.Due = append(o.Due, due...)
	}
	slices.SortFunc(o.Due, func(a, b DueItem) int {
		return cmp.Or(cmp.Compare(a.Due, b.Due), cmp.Compare(a.Workspace, b.Workspace))
	})
	if o.Findings, err = s.openFindings(ctx); err != nil {
		return o, err
	}
	o.Guide = s.guide(ctx)
	for _, g := range o.Guide {
		o.FirstRun = o.FirstRun || !g.Done
	}
	if o.Workspaces == nil {
		o.Workspaces = []Posture{}
	}
	if o.Due == nil {
		o.Due = []DueItem{}
	}
	return o, nil
}

// posture is one workspace's counts, checks (failing first) and due items.
func (s *Service) posture(ctx context.Context, workspace string) (Posture, []DueItem, error) {
	p := Posture{Workspace: workspace, Checks: []Result{}, Screens: []string{}}
	prog, err := s.list.Progress(workspace)
	if err != nil {
		return p, nil, err
	}
	p.Percent, p.Done = prog.Overall.Percent, prog.Overall.Done
	rs, err := s.Results(ctx, workspace)
	if err != nil {
		return p, nil, err
	}
	rank := map[string]int{Fail: 0, Unknown: 1, Pass: 2}
	slices.SortStableFunc(rs, func(a, b Result) int { return rank[a.Status] - rank[b.Status] })
	for _, r := range rs {
		p.Failing += map[bool]int{true: 1}[r.Status == Fail]
		p.Stale += map[bool]int{true: 1}[r.Stale]
		p.Checks = append(p.Checks, r)
		p.Screens = append(p.Screens, s.Screen(r.Item))
	}
	items, err := s.list.Items(workspace)
	if err != nil {
		return p, nil, err
	}
	soon := s.now().AddDate(0, 0, dueSoonDays).Format(time.DateOnly)
	var due []DueItem
	for _, it := range items {
		if it.Due == "" || it.Status == checklist.StatusDone || it.Status == checklist.StatusNotApplicable {
			continue
		}
		due = append(due, DueItem{Workspace: workspace, Item: it.ID, Title: it.Title, Due: it.Due, Overdue: it.Overdue})
		if it.Overdue {
			p.Overdue++
		} else if it.Due <= soon {
			p.DueSoon++
		}
	}
	return p, due, nil
}

// openFindings lists key findings, leaks in scanned folders and usage alerts.
func (s *Service) openFindings(ctx context.Context) ([]OpenFinding, error) {
	out := []OpenFinding{}
	if s.src.Keys != nil {
		fs, err := s.src.Keys.Findings(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			out = append(out, OpenFinding{Source: SourceKeys, Severity: f.Severity, Title: checklist.Text{En: f.Title.En, Zh: f.Title.Zh},
				Ref: f.ID, Screen: "keys"})
		}
	}
	if s.src.Leaks != nil {
		in := &input{src: s.src, now: s.now(), scope: scopeView{teamWide: true}}
		scans, err := in.lastScans(ctx, false)
		if err != nil {
			return nil, err
		}
		for _, sc := range scans {
			if n := len(sc.findings); n > 0 {
				out = append(out, OpenFinding{Source: SourceLeaks, Severity: "critical", Ref: sc.Root, Screen: "leakscan",
					Title: checklist.Text{En: plural(n, "key found in ", "keys found in ") + sc.Root, Zh: sc.Root + " 中发现 " + itoa(n) + " 处密钥"}})
			}
		}
	}
	if s.src.Usage != nil {
		alerts, err := s.src.Usage.Alerts(ctx, s.now())
		if err != nil {
			return nil, err
		}
		for _, a := range alerts {
			out = append(out, OpenFinding{Source: SourceUsage, Severity: a.Severity, Ref: a.Kind, Screen: "usage",
				Title: checklist.Text{En: a.Title.En, Zh: a.Title.ZhCN}})
		}
	}
	order := []string{"critical", "high", "warning", "medium", "low"}
	slices.SortStableFunc(out, func(a, b OpenFinding) int {
		return slices.Index(order, a.Severity) - slices.Index(order, b.Severity)
	})
	return out, nil
}

// guide is the first-run guide; each step ticks itself from the app's data.
func (s *Service) guide(ctx context.Context) []GuideStep {
	step := func(id, screen, en, zh string, done bool) GuideStep {
		return GuideStep{ID: id, Title: checklist.Text{En: en, Zh: zh}, Done: done, Screen: screen}
	}
	return []GuideStep{
		step("org", "org", "Connect the OpenAI organization", "连接 OpenAI 组织", s.orgConnected(ctx)),
		step("keys", "keys", "Register the team's keys", "登记团队的密钥", s.hasKeys(ctx)),
		step("scan", "leakscan", "Add folders and scan them for keys", "添加文件夹并扫描密钥", s.hasScans(ctx)),
		step("moderation", "moderation", "Run a moderation suite", "运行一次审核测试集", s.hasRun()),
		step("gateway", "gateway", "Start the gateway and send calls through it", "启动网关并让调用经过它", s.hasGatewayCalls(ctx)),
		step("privacy", "privacy", "Draft the privacy policy", "起草隐私政策", s.hasDraft(ctx)),
	}
}

func (s *Service) orgConnected(ctx context.Context) bool {
	if s.src.Org == nil {
		return false
	}
	_, err := s.src.Org.Snapshot(ctx)
	return err == nil
}

func (s *Service) hasKeys(ctx context.Context) bool {
	if s.src.Keys == nil {
		return false
	}
	ks, err := s.src.Keys.Keys(ctx)
	return err == nil && len(ks) > 0
}

func (s *Service) hasScans(ctx context.Context) bool {
	if s.src.Leaks == nil {
		return false
	}
	scans, err := s.src.Leaks.LastCompletedScans(ctx)
	return err == nil && len(scans) > 0
}

func (s *Service) hasRun() bool {
	if s.src.Moderation == nil {
		return false
	}
	runs, err := s.src.Moderation.ListRuns(0)
	return err == nil && slices.ContainsFunc(runs, func(r moderation.Run) bool { return r.Status == moderation.RunCompleted })
}

func (s *Service) hasGatewayCalls(ctx context.Context) bool {
	if s.src.Usage == nil {
		return false
	}
	rep, err := s.src.Usage.Report(ctx, usage.Query{Until: s.now(), By: usage.BySource, Source: usage.SourceGateway})
	return err == nil && rep.Totals.Requests > 0
}

func (s *Service) hasDraft(ctx context.Context) bool {
	if s.src.Privacy == nil {
		return false
	}
	ds, err := s.src.Privacy.Drafts(ctx)
	return err == nil && len(ds) > 0
}
