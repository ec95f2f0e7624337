package moderation

// Suite is a named, editable set of sample prompts.
type Suite struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  string     `json:"created_at"`
	UpdatedAt  string     `json:"updated_at"`
	ItemCount  int        `json:"item_count"`
	Labelled   int        `json:"labelled"`   // items with at least one expected label
	Thresholds Thresholds `json:"thresholds"` // the suite's custom thresholds; empty means OpenAI's flags
}

// Labels are the expected answers for an item: category -> flagged or
// not. A category that is absent is unknown, never "not flagged".
type Labels map[string]bool

// Item is one sample prompt in a suite: text, a local image, or both.
type Item struct {
	ID        int64  `json:"id"`
	SuiteID   int64  `json:"suite_id"`
	Position  int    `json:"position"`
	Text      string `json:"text"`
	ImagePath string `json:"image_path"`
	Expected  Labels `json:"expected"`
}

// ItemInput is what a user gives to add or edit an item.
type ItemInput struct {
	Text      string `json:"text"`
	ImagePath string `json:"image_path"`
	Expected  Labels `json:"expected"`
}

// Run statuses.
const (
	RunPending   = "pending"   // created, not started
	RunRunning   = "running"   // being sent now (or the app stopped while it was)
	RunPaused    = "paused"    // stopped by the user; Resume continues it
	RunCancelled = "cancelled" // stopped by the user; Resume still continues it
	RunFailed    = "failed"    // stopped by an error; Resume continues it
	RunCompleted = "completed" // every item has a result or an error
	// RunInterrupted is shown, never stored, for a run recorded as running
	// that no one is sending: the app stopped or was killed mid-run.
	RunInterrupted = "interrupted"
)

// Run item states.
const (
	StatePending = "pending" // not answered yet
	StateDone    = "done"    // the API answered
	StateError   = "error"   // it could not be moderated; Error says why
)

// Run is one run of a suite against a model.
type Run struct {
	ID          int64  `json:"id"`
	SuiteID     int64  `json:"suite_id"`
	SuiteName   string `json:"suite_name"`
	Model       string `json:"model"`
	BatchSize   int    `json:"batch_size"`
	Concurrency int    `json:"concurrency"`
	RPM         int    `json:"rpm"` // client-side requests-per-minute limit; 0 means none
	TPM         int    `json:"tpm"` // client-side tokens-per-minute limit; 0 means none
	Status      string `json:"status"`
	Total       int    `json:"total"`
	Done        int    `json:"done"`    // items answered
	Errors      int    `json:"errors"`  // items that ended in an error
	Flagged     int    `json:"flagged"` // answered items OpenAI flagged
	CreatedAt   string `json:"created_at"`
	FinishedAt  string `json:"finished_at"`
	Error       string `json:"error"`    // why the run stopped, if it failed
	ErrorZh     string `json:"error_zh"` // the same in Simplified Chinese
}

// Pending is how many items still wait for an answer.
func (r Run) Pending() int { return r.Total - r.Done - r.Errors }

// ItemResult is one run item and what the API said about it. Categories
// and Scores have all 13 categories; a legacy model's missing categories
// are nil (null in JSON).
type ItemResult struct {
	RunID             int64               `json:"run_id"`
	Index             int                 `json:"index"`
	ItemID            int64               `json:"item_id"`
	Input             string              `json:"input"`
	ImagePath         string              `json:"image_path"`
	Expected          Labels              `json:"expected"`
	State             string              `json:"state"`
	Flagged           bool                `json:"flagged"`
	Categories        map[string]*bool    `json:"categories"`
	Scores            map[string]*float64 `json:"scores"`
	AppliedInputTypes map[string][]string `json:"applied_input_types"`
	Error             string              `json:"error"`
	ErrorZh           string              `json:"error_zh"`
	CompletedAt       string              `json:"completed_at"`
}

// Score returns the item's score in category and whether it has one.
func (r ItemResult) Score(category string) (float64, bool) {
	if p := r.Scores[category]; p != nil {
		return *p, true
	}
	return 0, false
}

// TopCategory is the category with the highest score, or "" if none.
func (r ItemResult) TopCategory() string {
	top, best := "", -1.0
	for _, c := range Categories() {
		if s, ok := r.Score(c); ok && s > best {
			top, best = c, s
		}
	}
	return top
}
