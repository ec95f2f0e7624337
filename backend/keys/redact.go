package keys

import (
	"context"
	"errors"
	"strings"

	"steward/backend/secret"
)

// scrubbedError is an error whose text has had secrets replaced by their
// redacted form. It unwraps only to the context errors, so nothing further
// down the chain can print a secret.
type scrubbedError struct {
	msg  string
	kind error // context.Canceled, context.DeadlineExceeded, ErrUnavailable, ErrNotFound or nil
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.kind }

// scrubErr returns err with every secret in its text redacted. Errors that
// do not mention a secret are returned as they are.
func scrubErr(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := scrubText(msg, secrets...)
	if clean == msg {
		return err
	}
	out := &scrubbedError{msg: clean}
	for _, k := range []error{context.Canceled, context.DeadlineExceeded, ErrUnavailable, ErrNotFound} {
		if errors.Is(err, k) {
			out.kind = k
			break
		}
	}
	return out
}

// scrubText replaces every secret in s by its redacted form.
func scrubText(s string, secrets ...string) string {
	for _, k := range secrets {
		if k != "" {
			s = strings.ReplaceAll(s, k, secret.Redact(k))
		}
	}
	return s
}
