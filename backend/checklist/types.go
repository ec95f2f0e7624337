package checklist

// Item statuses, in the order the UI offers them.
const (
	StatusTodo          = "todo"
	StatusInProgress    = "in_progress"
	StatusDone          = "done"
	StatusNotApplicable = "not_applicable"
	StatusAtRisk        = "at_risk"
)

// Statuses lists every valid item status.
var Statuses = []string{StatusTodo, StatusInProgress, StatusDone, StatusNotApplicable, StatusAtRisk}

// Evidence reference kinds.
const (
	EvidenceFile   = "file"   // a path on this machine
	EvidenceURL    = "url"    // a web address
	EvidenceRecord = "record" // a record of the app itself, e.g. "leak-scan:12"
)

// Workspace is one product's run through the checklist.
type Workspace struct {
	ID              int64    `json:"id"`
	Name            string   `json:"name"`
	CreatedAt       string   `json:"created_at"`
	ReviewedVersion string   `json:"reviewed_version"` // catalogue version last reviewed against
	Profile         *Profile `json:"profile"`          // nil until the wizard has run
	ProfileSetAt    string   `json:"profile_set_at"`
}

// Profile holds the onboarding wizard's answers.
type Profile struct {
	Consumer      bool `json:"consumer"`
	Chatbot       bool `json:"chatbot"`
	Medical       bool `json:"medical"`
	Legal         bool `json:"legal"`
	Financial     bool `json:"financial"`
	News          bool `json:"news"`
	Minors        bool `json:"minors"`
	Impersonation bool `json:"impersonation"`
	EU            bool `json:"eu"`
	California    bool `json:"california"`
	China         bool `json:"china"`
}

// Evidence is something that shows an item is satisfied.
type Evidence struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`  // file, url or record
	Ref     string `json:"ref"`   // the path, URL or record reference
	Label   string `json:"label"` // what it is, in the user's words
	AddedAt string `json:"added_at"`
}

// EvidenceInput is what a user supplies to attach evidence.
type EvidenceInput struct {
	Kind    string `json:"kind"`
	Ref     string `json:"ref"`
	Label   string `json:"label"`
	addedAt string // kept from an imported export; now when empty
}

// ItemState is a catalogue item together with a workspace's answer for it.
type ItemState struct {
	ItemInfo
	AppEvidence []string   `json:"app_evidence"` // evidence kinds the app can supply
	Status      string     `json:"status"`
	Owner       string     `json:"owner"`
	Due         string     `json:"due"` // YYYY-MM-DD or empty
	Notes       string     `json:"notes"`
	Reason      string     `json:"reason"` // why not applicable
	SetByWizard bool       `json:"set_by_wizard"`
	UpdatedAt   string     `json:"updated_at"`
	Overdue     bool       `json:"overdue"`
	Evidence    []Evidence `json:"evidence"`
}

// Change is a partial update of an item's answer; nil fields stay as they are.
type Change struct {
	Status *string `json:"status,omitempty"`
	Owner  *string `json:"owner,omitempty"`
	Due    *string `json:"due,omitempty"`
	Notes  *string `json:"notes,omitempty"`
	Reason *string `json:"reason,omitempty"`
}

// AuditEntry is one recorded change to an item.
type AuditEntry struct {
	ID     int64  `json:"id"`
	ItemID string `json:"item_id"`
	At     string `json:"at"`
	Field  string `json:"field"` // status, owner, due, notes, reason, evidence
	Old    string `json:"old"`
	New    string `json:"new"`
	Source string `json:"source"` // app, cli, wizard or import
}

// SectionProgress counts items by status in one section (or overall).
type SectionProgress struct {
	Section       string `json:"section"`
	Title         Text   `json:"title"`
	Total         int    `json:"total"`
	Done          int    `json:"done"`
	InProgress    int    `json:"in_progress"`
	Todo          int    `json:"todo"`
	AtRisk        int    `json:"at_risk"`
	NotApplicable int    `json:"not_applicable"`
	Percent       int    `json:"percent"` // done of applicable items, 0..100
}

// Progress is the completion view of a workspace.
type Progress struct {
	Overall  SectionProgress   `json:"overall"`
	Sections []SectionProgress `json:"sections"`
	Overdue  []string          `json:"overdue"` // item ids past their due date and not done
	AtRisk   []string          `json:"at_risk"`
}

// WizardResult says what applying a profile changed.
type WizardResult struct {
	MarkedNotApplicable []string `json:"marked_not_applicable"`
	Restored            []string `json:"restored"` // wizard-set items that apply again
}

// CatalogueChanges lists items new or changed since the workspace's last review.
type CatalogueChanges struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	New     []string `json:"new"`
	Changed []string `json:"changed"`
}

// CatalogueInfo is the catalogue as the UI shows it.
type CatalogueInfo struct {
	Version  string    `json:"version"`
	Date     string    `json:"date"`
	Sections []Section `json:"sections"`
	Items    []Item    `json:"items"`
}
