package moderation

// Category is one of the moderation models' categories (see Categories).
type Category string

// RunStatus is a run's status (see RunStatuses).
type RunStatus string

// ResultState is the state of one item of a run (see ResultStates).
type ResultState string

// PIIPolicy is what a run does with prompts that contain personal data.
type PIIPolicy string

// RunStatuses lists every status a run can show.
func RunStatuses() []string {
	return []string{RunPending, RunRunning, RunPaused, RunCancelled, RunFailed, RunCompleted, RunInterrupted}
}

// ResultStates lists every state an item of a run can be in.
func ResultStates() []string { return []string{StatePending, StateDone, StateError} }
