package words

// problemsTexts is the table of this domain; see doc.go.
var problemsTexts = register(map[Code]Text{})
