package workflows

import "github.com/wijkflow/wijkflow/internal/words"

// fieldError is the problem m with a field, its message in English.
func fieldError(field string, m words.Message) FieldError {
	return FieldError{Field: field, Message: m.String(), Code: m.Code, Args: m.Args}
}
