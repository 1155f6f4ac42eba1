package devserver

import "testing"

// TestCodecMessageInDutch checks what the Temporal Web UI shows when the codec endpoint
// refuses: in Dutch, telling the user to sign in again, with the sign-in page when known.
func TestCodecMessageInDutch(t *testing.T) {
	tests := []struct{ signIn, want string }{
		{"http://localhost:8080/aanmelden", "Meld u opnieuw aan in wijkflow om de gegevens te zien: http://localhost:8080/aanmelden; " +
			"de gegevens van deze zaak blijven versleuteld tot u bent aangemeld als medewerker van de gemeente van de zaak."},
		{"", "Meld u opnieuw aan in wijkflow om de gegevens te zien: " +
			"de gegevens van deze zaak blijven versleuteld tot u bent aangemeld als medewerker van de gemeente van de zaak."},
	}
	for _, tt := range tests {
		if got := codecMessage(tt.signIn); got != tt.want {
			t.Errorf("codecMessage(%q) = %q, want %q", tt.signIn, got, tt.want)
		}
	}
}
