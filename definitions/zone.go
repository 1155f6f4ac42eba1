package definitions

import "time"

// Amsterdam is the zone in which terms are counted (Europe/Amsterdam, built from its
// rule), for showing times to Dutch users in the same zone the deadlines were computed.
func Amsterdam() *time.Location { return amsterdam }
