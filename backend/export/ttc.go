package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// Magic numbers at the start of font files.
const (
	sfntTrueType = 0x00010000 // TrueType outlines
	sfntApple    = 0x74727565 // "true": TrueType outlines (Apple)
	sfntCFF      = 0x4F54544F // "OTTO": OpenType with CFF outlines
	sfntTTC      = 0x74746366 // "ttcf": TrueType/OpenType collection
)

// sfntTable is one entry of an sfnt table directory.
type sfntTable struct {
	tag      string
	checksum uint32
	offset   uint32
	length   uint32
}

// readTableDir parses the sfnt table directory that starts at off in data,
// checking that every table lies inside data. It returns the sfnt version
// and the tables in directory order.
func readTableDir(data []byte, off uint32) (uint32, []sfntTable, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return 0, nil, errors.New("truncated font header")
	}
	version := binary.BigEndian.Uint32(data[off:])
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	dir := uint64(off) + 12
	if n == 0 || dir+uint64(n)*16 > uint64(len(data)) {
		return 0, nil, errors.New("truncated font table directory")
	}
	tables := make([]sfntTable, n)
	for i := range tables {
		rec := data[dir+uint64(i)*16:]
		t := sfntTable{
			tag:      string(rec[0:4]),
			checksum: binary.BigEndian.Uint32(rec[4:]),
			offset:   binary.BigEndian.Uint32(rec[8:]),
			length:   binary.BigEndian.Uint32(rec[12:]),
		}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return 0, nil, fmt.Errorf("font table %q lies outside the file", t.tag)
		}
		tables[i] = t
	}
	return version, tables, nil
}

// extractFirstFont copies the first font of a TrueType collection (.ttc)
// into a standalone sfnt file: the table directory is rewritten with the
// tables laid out one after another, 4-byte aligned, and the head table's
// checksum adjustment is recomputed.
func extractFirstFont(ttc []byte) ([]byte, error) {
	if len(ttc) < 16 || binary.BigEndian.Uint32(ttc) != sfntTTC {
		return nil, errors.New("not a font collection (missing ttcf header)")
	}
	if binary.BigEndian.Uint32(ttc[8:]) == 0 {
		return nil, errors.New("font collection is empty")
	}
	version, tables, err := readTableDir(ttc, binary.BigEndian.Uint32(ttc[12:]))
	if err != nil {
		return nil, fmt.Errorf("first font of collection: %w", err)
	}
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += int(t.length+3) &^ 3
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	// searchRange, entrySelector and rangeShift as the spec defines them.
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	// The directory must be sorted by tag; the data keeps its file order.
	sorted := append([]sfntTable(nil), tables...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].tag < sorted[j].tag })
	pos := uint32(12 + 16*n)
	headAt := -1
	for i, t := range sorted {
		copy(out[pos:], ttc[t.offset:t.offset+t.length])
		rec := out[12+16*i:]
		copy(rec[0:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], t.checksum)
		binary.BigEndian.PutUint32(rec[8:], pos)
		binary.BigEndian.PutUint32(rec[12:], t.length)
		if t.tag == "head" && t.length >= 12 {
			headAt = int(pos)
		}
		pos += (t.length + 3) &^ 3
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0)
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-sfntChecksum(out))
	}
	return out, nil
}

// sfntChecksum is the sum of b as big-endian uint32 words, zero padded.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
