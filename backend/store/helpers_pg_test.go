package store_test

import (
	"errors"

	"steward/backend/apperr"
)

func asAppErr(err error, out **apperr.Error) bool { return errors.As(err, out) }

func apperrMessage(err error, lang string) string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae.Message(lang)
	}
	return ""
}
