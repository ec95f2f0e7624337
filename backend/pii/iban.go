package pii

// ibanLength is the IBAN length of each country in the SWIFT IBAN registry.
func ibanLength(cc string) int {
	switch cc {
	case "NO":
		return 15
	case "BE":
		return 16
	case "DK", "FI", "FK", "FO", "GL", "NL", "SD":
		return 18
	case "MK", "SI":
		return 19
	case "AT", "BA", "EE", "KZ", "LT", "LU", "MN", "XK":
		return 20
	case "CH", "HR", "LI", "LV":
		return 21
	case "BG", "BH", "CR", "DE", "GB", "GE", "IE", "ME", "RS", "VA":
		return 22
	case "AE", "GI", "IL", "IQ", "OM", "SO", "TL":
		return 23
	case "AD", "CZ", "ES", "MD", "PK", "RO", "SA", "SE", "SK", "TN", "VG":
		return 24
	case "LY", "PT", "ST":
		return 25
	case "IS", "TR":
		return 26
	case "BI", "DJ", "FR", "GR", "IT", "MC", "MR", "SM":
		return 27
	case "AL", "AZ", "BY", "CY", "DO", "GT", "HN", "HU", "LB", "NI", "PL", "SV":
		return 28
	case "BR", "EG", "PS", "QA", "UA":
		return 29
	case "JO", "KW", "MU", "YE":
		return 30
	case "MT", "SC":
		return 31
	case "LC":
		return 32
	case "RU":
		return 33
	}
	return 0
}

// findIBANs finds IBANs written compactly ("DE89370400440532013000") or in
// groups of four separated by single spaces or dashes. The country's length
// must match exactly, letters must be upper case, and the mod-97 check must
// hold.
func findIBANs(text string, out []candidate) []candidate {
	for i := 0; i+4 <= len(text); i++ {
		if !isUpper(text[i]) || !isUpper(text[i+1]) || !isDigit(text[i+2]) || !isDigit(text[i+3]) || !wordStart(text, i) {
			continue
		}
		n := ibanLength(text[i : i+2])
		if n == 0 {
			continue
		}
		if end, ok := readIBAN(text, i, n); ok {
			out = append(out, candidate{IBAN, i, end})
			i = end - 1
		}
	}
	return out
}

// readIBAN reads n IBAN characters from i and checks the result.
func readIBAN(text string, i, n int) (int, bool) {
	var buf [34]byte
	got, j := 0, i
	var sep byte
	for got < n {
		if j >= len(text) {
			return 0, false
		}
		c := text[j]
		switch {
		case isDigit(c) || isUpper(c):
			buf[got] = c
			got++
			j++
		case (c == ' ' || c == '-') && got%4 == 0 && got > 0 && (sep == 0 || sep == c) && (sep != 0 || got == 4):
			sep = c
			j++
		default:
			return 0, false
		}
	}
	if !wordEnd(text, j) {
		return 0, false
	}
	return j, mod97(buf[:n])
}

// mod97 is the ISO 13616 check: move the first four characters to the end,
// read letters as 10..35, and the number must leave remainder 1 mod 97.
func mod97(iban []byte) bool {
	rem := 0
	add := func(c byte) {
		if isDigit(c) {
			rem = (rem*10 + int(c-'0')) % 97
			return
		}
		rem = (rem*100 + int(c-'A') + 10) % 97
	}
	for _, c := range iban[4:] {
		add(c)
	}
	for _, c := range iban[:4] {
		add(c)
	}
	return rem == 1
}
