package main

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

// block encodes one VS_VERSIONINFO-style node: header, key, value, children.
func block(key string, value []byte, text bool, children ...[]byte) []byte {
	var b []byte
	b = binary.LittleEndian.AppendUint16(b, 0) // length, set below
	vlen := len(value)
	if text {
		vlen /= 2
	}
	b = binary.LittleEndian.AppendUint16(b, uint16(vlen))
	typ := uint16(0)
	if text {
		typ = 1
	}
	b = binary.LittleEndian.AppendUint16(b, typ)
	b = append(b, utf16z16(key)...)
	b = pad4(b)
	b = append(b, value...)
	for _, c := range children {
		b = pad4(b)
		b = append(b, c...)
	}
	binary.LittleEndian.PutUint16(b, uint16(len(b)))
	return b
}

func utf16z16(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func fixed(file, product [4]uint16) []byte {
	b := make([]byte, 52)
	binary.LittleEndian.PutUint32(b, 0xFEEF04BD)
	put := func(at int, v [4]uint16) {
		binary.LittleEndian.PutUint32(b[at:], uint32(v[0])<<16|uint32(v[1]))
		binary.LittleEndian.PutUint32(b[at+4:], uint32(v[2])<<16|uint32(v[3]))
	}
	put(8, file)
	put(16, product)
	return b
}

func sampleInfo(productVersion string) []byte {
	str := func(k, v string) []byte { return block(k, utf16z16(v), true) }
	table := block("040904b0", nil, true, str("ProductVersion", productVersion), str("CompanyName", "Steward"))
	return block("VS_VERSION_INFO", fixed([4]uint16{0, 1, 0, 0}, [4]uint16{0, 1, 0, 0}), false,
		block("StringFileInfo", nil, true, table), block("VarFileInfo", nil, true))
}

func TestParseVersionInfo(t *testing.T) {
	info, err := parseVersionInfo(sampleInfo("0.1.0"))
	if err != nil {
		t.Fatal(err)
	}
	if info.FileVersion != "0.1.0.0" || info.ProductVersion != "0.1.0.0" || info.Strings["ProductVersion"] != "0.1.0" ||
		info.Strings["CompanyName"] != "Steward" {
		t.Fatalf("info = %+v", info)
	}
	if err := info.Check("0.1.0"); err != nil {
		t.Fatalf("Check(0.1.0) = %v", err)
	}
	if err := info.Check("0.2.0"); err == nil || !strings.Contains(err.Error(), `ProductVersion is "0.1.0"`) {
		t.Fatalf("Check(0.2.0) = %v", err)
	}
}

func TestParseVersionInfoRefusesOtherData(t *testing.T) {
	for name, b := range map[string][]byte{"Empty": nil, "Short": {1, 2, 3}, "OtherKey": block("NOT_VERSION", nil, false)} {
		if _, err := parseVersionInfo(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
