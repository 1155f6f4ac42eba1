package definitions

// Files lists the definition files LoadFiles reads for paths, in the order of the
// definitions it returns when there are no issues (so a caller can name each one's file).
func Files(paths ...string) []string {
	var ignored Issues
	files, _ := expand(paths, &ignored)
	return files
}
