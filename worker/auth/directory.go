package auth

import "sync"

// Directory knows who a user id is, so that a page says "door Anna de Vries" where the
// case's trail and tasks keep only the id (ids, never names, go into Temporal). It learns
// the users it is given at start (the demo users) and every user who signs in after, OIDC users with
// the name of their claim; a user it never met reads as the id. Safe for concurrent use.
type Directory struct {
	mu   sync.RWMutex
	byID map[string]User
}

// NewDirectory returns a directory that knows users.
func NewDirectory(users ...User) *Directory {
	d := &Directory{byID: map[string]User{}}
	for _, u := range users {
		d.Remember(u)
	}
	return d
}

// Remember records who u is; a later sign-in with a new name or roles replaces it. The
// token is not kept.
func (d *Directory) Remember(u User) {
	if u.ID == "" {
		return
	}
	u.Token = ""
	d.mu.Lock()
	defer d.mu.Unlock()
	if old, ok := d.byID[u.ID]; ok && u.Name == "" {
		u.Name = old.Name // a token without a name claim does not forget the name
	}
	d.byID[u.ID] = cloneUser(u)
}

// Lookup returns the user with the id, if the directory met them.
func (d *Directory) Lookup(id string) (User, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	u, ok := d.byID[id]
	return cloneUser(u), ok
}
