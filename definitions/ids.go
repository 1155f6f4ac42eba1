package definitions

// IsSlug reports whether s is a valid gemeente, process or team code, as the loader
// accepts it; other packages (the users file) check codes the same way.
func IsSlug(s string) bool { return slugPattern.MatchString(s) }

// IsID reports whether s is a valid step or role id, as the loader accepts it.
func IsID(s string) bool { return idPattern.MatchString(s) }
