package workflows

import "github.com/wijkflow/wijkflow/internal/words"

// fieldError is the problem m with a field, its message in English.
func fieldError(field string, m words.Message) FieldError {
	return FieldError{Field: field, Message: m.String(), Code: m.Code, Args: m.Args}
}

// Say is the problem as a message of the catalogue; a problem recorded before problems
// had codes says its English message as it is.
func (e FieldError) Say() words.Message {
	if e.Code == "" {
		return words.Msg(words.Verbatim, "detail", e.Message)
	}
	return words.Message{Code: e.Code, Args: e.Args}
}
