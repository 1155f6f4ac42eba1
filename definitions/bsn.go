package definitions

// IsBSN reports whether s is a burgerservicenummer as the BRP hands them out: nine
// digits that pass the elfproef (digits times 9 down to 2, minus the last digit, is
// a multiple of 11). It catches a typo or two swapped digits, not a number that was
// never issued; the `bsn` rule of a form field.
func IsBSN(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		d := int(s[i] - '0')
		weight := 9 - i
		if i == 8 {
			weight = -1
		}
		sum += weight * d
	}
	return sum%11 == 0
}
