package words

// eventsTexts is the table of this domain; see doc.go.
var eventsTexts = register(map[Code]Text{})
