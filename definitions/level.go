package definitions

// Level says whether an issue stops a definition from being used. The zero value is an
// error, so every problem is one unless its check says otherwise.
type Level int

const (
	// LevelError is a problem: a definition with one must not be run, and validate
	// exits 1.
	LevelError Level = iota
	// LevelNote is something the designer should know that does not make the files
	// invalid: a process a file refers to was not loaded with it, so the referral could
	// not be checked.
	LevelNote
	// LevelWarning is something that works but probably not as meant: a field read on a
	// path where no step asks it reads empty there. validate prints it and exits 0.
	LevelWarning
)

// String is the level as the CLI prints it.
func (l Level) String() string {
	switch l {
	case LevelNote:
		return "note"
	case LevelWarning:
		return "warning"
	}
	return "error"
}

// Errors are the issues of level error, without the notes and warnings.
func (is Issues) Errors() Issues {
	var out Issues
	for _, i := range is {
		if i.Level == LevelError {
			out = append(out, i)
		}
	}
	return out
}
