package words

// refusalsTexts is the table of this domain; see doc.go.
var refusalsTexts = register(map[Code]Text{})
