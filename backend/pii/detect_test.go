package pii

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// found runs Detect and checks that every span is in range.
func found(t *testing.T, text string) []Match {
	t.Helper()
	ms := Detect(text)
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("bad span %+v in %q", m, text)
		}
	}
	return ms
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		text string
		typ  Type
		want string // the matched text; "" means nothing of typ is found
	}{
		{"Email_Plain", "write to jane.doe+tag@example.co.uk today", Email, "jane.doe+tag@example.co.uk"},
		{"Email_Punycode", "a@xn--d1acufc.xn--p1ai", Email, "a@xn--d1acufc.xn--p1ai"},
		{"Email_AfterChinese", "邮箱zhang.san@example.cn。", Email, "zhang.san@example.cn"},
		{"Email_NoTLD", "info@presidio.", Email, ""},
		{"Email_NumericTLD", "user@10.0.0.1", Email, ""},

		{"Phone_NANP", "call (415) 555-0132 now", Phone, "(415) 555-0132"},
		{"Phone_NANPDots", "415.555.0132", Phone, "415.555.0132"},
		{"Phone_NANPLeadingOne", "1-800-555-0199", Phone, "1-800-555-0199"},
		{"Phone_E164", "+14155550132", Phone, "+14155550132"},
		{"Phone_UK", "ring 020 7123 4567", Phone, "020 7123 4567"},
		{"Phone_UKMobile", "07700 900123", Phone, "07700 900123"},
		{"Phone_UKIntl", "+44 (20) 7123 4567", Phone, "+44 (20) 7123 4567"},
		{"Phone_German", "+49 30 1234567", Phone, "+49 30 1234567"},
		{"Phone_French", "01 42 68 53 00", Phone, "01 42 68 53 00"},
		{"Phone_DoubleZero", "0044 20 7123 4567", Phone, "0044 20 7123 4567"},
		{"Phone_ChinaMobile", "手机13812345678", Phone, "13812345678"},
		{"Phone_ChinaMobileSpaced", "138 1234 5678", Phone, "138 1234 5678"},
		{"Phone_ChinaMobilePlus86", "+86 138-1234-5678", Phone, "+86 138-1234-5678"},
		{"Phone_ChinaMobileDashes", "电话：139-1234-5678", Phone, "139-1234-5678"},
		{"Phone_AfterPostcode", "SD 20241 440-600-5124", Phone, "440-600-5124"},
		{"Phone_TooShort", "ext 555-0132", Phone, ""},
		{"Phone_Date", "on 2024-01-15", Phone, ""},
		{"Phone_GluedToWord", "is415-555-0132", Phone, ""},
		{"Phone_AreaCodeOne", "(115) 555-0132", Phone, ""},
		{"Phone_MACPrefix", "01-23-45-67-89-AB", Phone, ""},
		{"Phone_ChinaBadPrefix", "12812345678", Phone, ""},

		{"Card_Visa", "card 4111 1111 1111 1111 exp 12/29", Card, "4111 1111 1111 1111"},
		{"Card_Dashes", "4012-8888-8888-1881", Card, "4012-8888-8888-1881"},
		{"Card_Amex", "3714 496353 98431", Card, "3714 496353 98431"},
		{"Card_UATP", "122000000000003", Card, "122000000000003"},
		{"Card_LuhnFails", "4012-8888-8888-1882", Card, ""},
		{"Card_MixedSeparators", "4111 1111-1111 1111", Card, ""},
		{"Card_ThirteenStartingOne", "1748503543012", Card, ""},
		{"Card_AllZeros", "0000 0000 0000 0000", Card, ""},

		{"IBAN_Compact", "DE89370400440532013000", IBAN, "DE89370400440532013000"},
		{"IBAN_Grouped", "pay GB29 NWBK 6016 1331 9268 19.", IBAN, "GB29 NWBK 6016 1331 9268 19"},
		{"IBAN_Dashes", "AL47-2121-1009-0000-0002-3569-8741", IBAN, "AL47-2121-1009-0000-0002-3569-8741"},
		{"IBAN_TrailingWord", "VG96 VPVG 0000 0123 4567 8901 X", IBAN, "VG96 VPVG 0000 0123 4567 8901"},
		{"IBAN_ChecksumFails", "DE89370400440532013001", IBAN, ""},
		{"IBAN_TooLong", "DE893704004405320130001", IBAN, ""},
		{"IBAN_UnknownCountry", "AM47212110090000000235698740", IBAN, ""},
		{"IBAN_LowerCase", "LV80 bANK 0000 4351 9500 1", IBAN, ""},
		{"IBAN_Slashes", "AL47/2121/1009/0000/0002/3569/8741", IBAN, ""},

		{"SSN_Dashes", "SSN 536-22-1234", SSN, "536-22-1234"},
		{"SSN_Spaces", "078 05 1123", SSN, "078 05 1123"},
		{"SSN_BareWithContext", "social security no. 536221234", SSN, "536221234"},
		{"SSN_BareWithoutContext", "order 536221234", SSN, ""},
		{"SSN_ZipPlusFourWithoutContext", "Newark NJ 07805-1121", SSN, ""},
		{"SSN_Area666", "666-22-1234", SSN, ""},
		{"SSN_Area9xx", "911-70-1234", SSN, ""},
		{"SSN_GroupZero", "536-00-1234", SSN, ""},
		{"SSN_SerialZero", "536-22-0000", SSN, ""},
		{"SSN_Woolworth", "078-05-1120", SSN, ""},
		{"SSN_MixedSeparators", "693-09.4444", SSN, ""},

		{"IP_V4", "from 192.168.0.1.", IP, "192.168.0.1"},
		{"IP_V4OutOfRange", "192.168.1.256", IP, ""},
		{"IP_V4GluedToWord", "IP192.168.1.1", IP, ""},
		{"IP_V6Compressed", "gw fe80::1%eth0 up", IP, "fe80::1%eth0"},
		{"IP_V6Bracketed", "[2001:db8::1]:8080", IP, "2001:db8::1"},
		{"IP_V6Mapped", "::ffff:192.0.2.1", IP, "::ffff:192.0.2.1"},
		{"IP_V6Loopback", "connecting from ::1", IP, "::1"},
		{"IP_Time", "at 12:34:56", IP, ""},
		{"IP_CPlusPlus", "std::cout", IP, ""},
		{"IP_MAC", "aa:bb:cc:dd:ee:ff", IP, ""},
		{"IP_V6DoubleCompression", "2001::db8::1", IP, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range found(t, tt.text) {
				if m.Type == tt.typ {
					got = append(got, m.Text)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Fatalf("Detect(%q) found %s %q; want none", tt.text, tt.typ, got)
			case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
				t.Fatalf("Detect(%q) %s = %q; want [%q] (all: %+v)", tt.text, tt.typ, got, tt.want, Detect(tt.text))
			}
		})
	}
}

// cnID builds a resident ID with a correct check character.
func cnID(region, birth, seq string) string {
	body := region + birth + seq
	return body + string(cnCheckChar(body))
}

func TestDetectCNID(t *testing.T) {
	valid := cnID("110101", "19900307", "123")
	withX := ""
	for seq := 100; seq < 999 && withX == ""; seq++ {
		if id := cnID("440305", "19851120", fmt.Sprint(seq)); id[17] == 'X' {
			withX = id
		}
	}
	wrongCheck := valid[:17] + string("0123456789"[(int(valid[17]-'0')+1)%10])
	if valid[17] == 'X' {
		wrongCheck = valid[:17] + "0"
	}
	tests := []struct {
		name, text string
		want       bool
	}{
		{"OK", "身份证号" + valid + "，", true},
		{"OK_CheckX", "ID " + withX, true},
		{"OK_LowerX", "ID " + strings.ToLower(withX), true},
		{"WrongCheckDigit", wrongCheck, false},
		{"BadProvince", cnID("990101", "19900307", "123"), false},
		{"BadDate", cnID("110101", "19900230", "123"), false},
		{"YearTooEarly", cnID("110101", "18991231", "123"), false},
		{"NineteenDigits", valid + "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := found(t, tt.text)
			got := len(ms) == 1 && ms[0].Type == CNID
			if got != tt.want {
				t.Fatalf("Detect(%q) = %+v; want CN ID %v", tt.text, ms, tt.want)
			}
		})
	}
}

// fakeKey makes a random key of the given prefix at run time, so that no
// key-shaped literal lives in the source.
func fakeKey(t testing.TB, prefix string, n int) string {
	t.Helper()
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			t.Fatal(err)
		}
		b[i] = alphabet[k.Int64()]
	}
	b[0], b[1], b[2] = 'a', 'B', '7' // always mixed case and a digit
	return prefix + string(b)
}

func TestDetectAPIKeys(t *testing.T) {
	for _, prefix := range []string{"sk-", "sk-proj-", "sk-svcacct-", "sk-admin-"} {
		t.Run("Found_"+strings.Trim(prefix, "-"), func(t *testing.T) {
			key := fakeKey(t, prefix, 48)
			text := "OPENAI_API_KEY=" + key + "\n"
			ms := found(t, text)
			if len(ms) != 1 || ms[0].Type != APIKey {
				t.Fatalf("want one api_key match, got %d", len(ms))
			}
			m := ms[0]
			if m.Text != "" || strings.Contains(fmt.Sprintf("%+v", m), key) {
				t.Fatal("a match keeps the raw key")
			}
			if text[m.Start:m.End] != key || !strings.HasSuffix(m.Redacted, key[len(key)-4:]) || m.Fingerprint == "" {
				t.Fatalf("span or redaction wrong: redacted=%q", m.Redacted)
			}
			if r := Redact(text, ms); strings.Contains(r, key) || r != "OPENAI_API_KEY=[API_KEY]\n" {
				t.Fatalf("Redact left the key: %q", strings.ReplaceAll(r, key, "<KEY>"))
			}
		})
	}
	for _, text := range []string{"sk-learn-is-a-python-library", "task-" + "abcdefghijklmnopqrstuvwx1", "sk-short1A"} {
		if ms := Detect(text); len(ms) != 0 {
			t.Errorf("NotAKey: Detect(%q) = %+v", text, ms)
		}
	}
}

func TestDetectOverlapsPreferValidated(t *testing.T) {
	// A valid IBAN contains digit groups that could pass for other types;
	// only the IBAN is reported.
	ms := found(t, "IBAN: IL62 0108 0000 0009 9999 999")
	if len(ms) != 1 || ms[0].Type != IBAN {
		t.Fatalf("got %+v; want one IBAN", ms)
	}
	// An IPv4 address embedded in IPv6 is one IP, not two.
	ms = found(t, "2001:db8::192.168.1.1")
	if len(ms) != 1 || ms[0].Text != "2001:db8::192.168.1.1" {
		t.Fatalf("got %+v; want the whole IPv6 address", ms)
	}
}

func TestDetectRuneOffsets(t *testing.T) {
	text := "联系：jane@example.com"
	ms := found(t, text)
	if len(ms) != 1 {
		t.Fatalf("got %+v", ms)
	}
	m := ms[0]
	if m.Start != len("联系：") || m.RuneStart != 3 || m.RuneEnd != 3+len("jane@example.com") {
		t.Fatalf("offsets = %+v", m)
	}
}

func TestRedact(t *testing.T) {
	text := "Mail jane@example.com or call +1 415 555 0132 from 10.0.0.1; card 4111111111111111, IBAN DE89370400440532013000, SSN 536-22-1234."
	got := RedactText(text)
	want := "Mail [EMAIL] or call [PHONE] from [IP]; card [CARD], IBAN [IBAN], SSN [SSN]."
	if got != want {
		t.Fatalf("RedactText =\n%q\nwant\n%q", got, want)
	}
	// Overlapping and out-of-range matches are skipped, not applied twice.
	bad := []Match{{Type: Email, Start: 5, End: 21}, {Type: Phone, Start: 10, End: 30}, {Type: IP, Start: 100, End: 500}}
	if got := Redact(text, bad); !strings.HasPrefix(got, "Mail [EMAIL] or call +1") {
		t.Fatalf("Redact with bad matches = %q", got)
	}
}

func TestTypesHavePlaceholders(t *testing.T) {
	seen := map[string]bool{}
	for _, info := range Types() {
		if info.Placeholder == "" || info.En == "" || info.Zh == "" || seen[info.Placeholder] {
			t.Errorf("%s: incomplete or duplicate entry %+v", info.Type, info)
		}
		seen[info.Placeholder] = true
		if info.Type.Placeholder() != info.Placeholder {
			t.Errorf("%s: Placeholder() disagrees", info.Type)
		}
	}
}
