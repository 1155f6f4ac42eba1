package words

// rulesTexts is the table of this domain; see doc.go.
var rulesTexts = register(map[Code]Text{})
