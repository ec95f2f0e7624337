package app

// Event names the window listens to.
const (
	EventScanProgress       = "leakscan:progress"
	EventModerationProgress = "moderation:progress"
)

// Events receives what long work reports while it runs. The GUI turns each
// into a window event; the CLI draws a progress line or ignores it.
type Events interface {
	Emit(name string, data any)
}

// EventsFunc adapts a function to Events.
type EventsFunc func(name string, data any)

// Emit calls f.
func (f EventsFunc) Emit(name string, data any) { f(name, data) }

type noEvents struct{}

func (noEvents) Emit(string, any) {}

// EventWarning carries a sentence about something that went wrong beside
// the work asked for (e.g. a scan that was not saved), so it is not lost.
const EventWarning = "app:warning"
