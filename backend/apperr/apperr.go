// Package apperr gives errors a stable code and a message in the user's
// language. Domain packages return *Error for conditions users can act on;
// the GUI's ErrorFormatter and the CLI turn any error into code + message.
package apperr

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"steward/backend/secret"
)

// Error is an error users can act on: a stable code, the operation that
// failed, values for the message, and an optional cause.
type Error struct {
	Code Code
	Op   string            // e.g. "checklist.update"
	Args map[string]string // values substituted into the message
	Err  error             // the underlying cause, if any
	En   string            // an inline message, used instead of the code's own
	Zh   string            // its Simplified Chinese form
}

// Text returns an *Error whose message is given inline in both languages,
// for domain packages whose messages live beside their code.
func Text(code Code, op, en, zh string) *Error {
	return &Error{Code: code, Op: op, En: en, Zh: zh}
}

// New returns an *Error with the given code, operation and message values,
// given as alternating key/value strings.
func New(code Code, op string, kv ...string) *Error {
	e := &Error{Code: code, Op: op, Args: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		e.Args[kv[i]] = kv[i+1]
	}
	return e
}

// Wrap is New with a cause.
func Wrap(err error, code Code, op string, kv ...string) *Error {
	e := New(code, op, kv...)
	e.Err = err
	return e
}

// Error renders the English message, the operation and the cause, with
// any API key in them redacted.
func (e *Error) Error() string {
	msg := e.Message("en")
	if e.Err != nil {
		msg = fmt.Sprintf("%s (%s: %v)", msg, e.Op, e.Err)
	}
	return secret.RedactKeys(msg)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message renders the error's message in lang.
func (e *Error) Message(lang string) string {
	if e.En != "" {
		if lang == "zh-CN" && e.Zh != "" {
			return e.Zh
		}
		return e.En
	}
	tmpl, ok := messages[e.Code]
	if !ok {
		tmpl = messages[Internal]
	}
	s := tmpl.en
	if lang == "zh-CN" {
		s = tmpl.zh
	}
	keys := make([]string, 0, len(e.Args))
	for k := range e.Args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s = strings.ReplaceAll(s, "{"+k+"}", e.Args[k])
	}
	return s
}

// CodeOf returns the code of the first *Error in err's chain, or Internal.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }

// Describe returns a stable code and a message in lang for any error.
// Errors that are not *Error keep their text after a localized prefix. An
// API key anywhere in the text is shown redacted.
func Describe(err error, lang string) (Code, string) {
	var e *Error
	if errors.As(err, &e) {
		msg := e.Message(lang)
		if e.Err != nil && e.Code.ShowsCause() {
			msg += " (" + e.Err.Error() + ")"
		}
		return e.Code, secret.RedactKeys(msg)
	}
	return Internal, secret.RedactKeys(New(Internal, "", "cause", err.Error()).Message(lang))
}
