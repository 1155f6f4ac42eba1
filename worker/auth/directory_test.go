package auth

import "testing"

func TestDirectory(t *testing.T) {
	d := NewDirectory(User{ID: "u1", Name: "Anna de Vries", Token: "geheim", Roles: []string{"wijkcoach"}})
	u, ok := d.Lookup("u1")
	if !ok || u.Name != "Anna de Vries" || u.Token != "" {
		t.Fatalf("Lookup(u1) = %+v, %v; want the name without the token", u, ok)
	}
	d.Remember(User{ID: "u1", Roles: []string{"teamleider"}}) // a token without a name claim
	if u, _ := d.Lookup("u1"); u.Name != "Anna de Vries" || u.Roles[0] != "teamleider" {
		t.Errorf("after a sign-in without a name: %+v", u)
	}
	d.Remember(User{ID: "u2", Name: "Bram"})
	if _, ok := d.Lookup("u3"); ok {
		t.Error("an unknown id was found")
	}
	if u, _ := d.Lookup("u2"); u.Name != "Bram" {
		t.Errorf("u2 = %+v", u)
	}
}
