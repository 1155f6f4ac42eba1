// Package yamldoc reads the YAML files wijkflow is configured with (process definitions,
// the users file, the providers file, scenarios) the one way they are all read: one
// document, decoded from the yaml.Node tree by the fields' yaml tags, with every problem
// located as line:col and a path, and all problems collected rather than the first.
//
// The name says what it handles: a YAML document as a person wrote it, positions and
// all; it knows nothing of what the documents mean. A reader of such a file uses it so:
//
//	dec := &yamldoc.Decoder{Describe: describeUsers}
//	var f usersFile
//	if dec.DecodeFile(src, usersKind, &f) && !dec.Has("users") {
//		dec.At("users", "is required") // located at the nearest place written
//	}
//	problems := dec.Sorted() // []Problem{{Line, Col, Path, Message}}, ordered by place
//
// Decoding is strict: an unknown key, a duplicate key, a value of the wrong shape each
// become a Problem and decoding goes on. Types written their own way (a duration "6w",
// a mapping keyed by id that becomes a list) plug in as a Func (see Scalar and Keyed).
// Hostile input stays cheap: the file size is bounded, aliases and merge keys are
// counted against a budget of values (no "billion laughs"), and a parser panic becomes
// a problem. Syntax errors are placed on the line to fix, not where yaml.v3 stopped.
//
// The Doc remembers where each path was written (Values, Keys), so that checks made
// after decoding, on Go values, still point at a line: Doc.At("users[1].teams[0]", …).
package yamldoc
