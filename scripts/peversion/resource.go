package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// VersionInfo is what a VS_VERSIONINFO resource says.
type VersionInfo struct {
	FileVersion    string            // from VS_FIXEDFILEINFO, as A.B.C.D
	ProductVersion string            // from VS_FIXEDFILEINFO, as A.B.C.D
	Strings        map[string]string // StringFileInfo: ProductVersion, CompanyName, ...
}

const rtVersion = 16

// ReadFile reads the first version resource of the PE file at path.
func ReadFile(path string) (VersionInfo, error) {
	f, err := pe.Open(path)
	if err != nil {
		return VersionInfo{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	sec := f.Section(".rsrc")
	if sec == nil {
		return VersionInfo{}, fmt.Errorf("%s has no resource section", path)
	}
	data, err := sec.Data()
	if err != nil {
		return VersionInfo{}, fmt.Errorf("read resources of %s: %w", path, err)
	}
	blob, err := versionBlob(data, sec.VirtualAddress)
	if err != nil {
		return VersionInfo{}, fmt.Errorf("%s: %w", path, err)
	}
	return parseVersionInfo(blob)
}

// versionBlob walks the resource tree (type, name, language) to the first
// RT_VERSION data entry and returns its bytes.
func versionBlob(rsrc []byte, base uint32) ([]byte, error) {
	off, err := findEntry(rsrc, 0, rtVersion)
	if err != nil {
		return nil, errors.New("no version resource")
	}
	for depth := 0; depth < 2; depth++ { // name, then language: take the first
		if off&0x80000000 == 0 {
			break
		}
		if off, err = firstEntry(rsrc, off&0x7fffffff); err != nil {
			return nil, err
		}
	}
	if off&0x80000000 != 0 || int(off)+8 > len(rsrc) {
		return nil, errors.New("malformed version resource entry")
	}
	rva := binary.LittleEndian.Uint32(rsrc[off:])
	size := binary.LittleEndian.Uint32(rsrc[off+4:])
	start := int(rva) - int(base)
	if start < 0 || start+int(size) > len(rsrc) {
		return nil, errors.New("version resource lies outside the resource section")
	}
	return rsrc[start : start+int(size)], nil
}

// findEntry returns the offset field of the directory entry with the given ID.
func findEntry(rsrc []byte, dir uint32, id uint32) (uint32, error) {
	entries, err := dirEntries(rsrc, dir)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if e[0] == id {
			return e[1], nil
		}
	}
	return 0, fmt.Errorf("no resource entry %d", id)
}

func firstEntry(rsrc []byte, dir uint32) (uint32, error) {
	entries, err := dirEntries(rsrc, dir)
	if err != nil || len(entries) == 0 {
		return 0, errors.New("empty resource directory")
	}
	return entries[0][1], nil
}

// dirEntries lists a resource directory's (name-or-id, offset) pairs.
func dirEntries(rsrc []byte, dir uint32) ([][2]uint32, error) {
	if int(dir)+16 > len(rsrc) {
		return nil, errors.New("resource directory out of range")
	}
	n := int(binary.LittleEndian.Uint16(rsrc[dir+12:])) + int(binary.LittleEndian.Uint16(rsrc[dir+14:]))
	var out [][2]uint32
	for i := 0; i < n; i++ {
		p := int(dir) + 16 + 8*i
		if p+8 > len(rsrc) {
			return nil, errors.New("resource directory entry out of range")
		}
		out = append(out, [2]uint32{binary.LittleEndian.Uint32(rsrc[p:]), binary.LittleEndian.Uint32(rsrc[p+4:])})
	}
	return out, nil
}

// node is one VS_VERSIONINFO-style block: a key, a value and children.
type node struct {
	key      string
	value    []byte
	text     bool
	children []byte
}

func readNode(b []byte) (node, int, error) {
	if len(b) < 6 {
		return node{}, 0, errors.New("truncated version block")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	text := binary.LittleEndian.Uint16(b[4:]) == 1
	if length < 6 || length > len(b) {
		return node{}, 0, errors.New("bad version block length")
	}
	b = b[:length]
	key, p := utf16z(b, 6)
	p = align4(p)
	if text {
		valueLen *= 2 // counted in UTF-16 units
	}
	if p+valueLen > len(b) {
		return node{}, 0, errors.New("version value out of range")
	}
	n := node{key: key, value: b[p : p+valueLen], text: text}
	if c := align4(p + valueLen); c < len(b) {
		n.children = b[c:]
	}
	return n, align4(length), nil
}

func parseVersionInfo(b []byte) (VersionInfo, error) {
	root, _, err := readNode(b)
	if err != nil || root.key != "VS_VERSION_INFO" {
		return VersionInfo{}, errors.New("not a VS_VERSION_INFO resource")
	}
	info := VersionInfo{Strings: map[string]string{}}
	if len(root.value) >= 52 && binary.LittleEndian.Uint32(root.value) == 0xFEEF04BD {
		info.FileVersion = fixedVersion(root.value[8:16])
		info.ProductVersion = fixedVersion(root.value[16:24])
	}
	err = eachChild(root.children, func(sfi node) error {
		if sfi.key != "StringFileInfo" {
			return nil
		}
		return eachChild(sfi.children, func(table node) error {
			return eachChild(table.children, func(s node) error {
				info.Strings[s.key], _ = utf16z(s.value, 0)
				return nil
			})
		})
	})
	return info, err
}

func eachChild(b []byte, fn func(node) error) error {
	for len(b) >= 6 {
		n, size, err := readNode(b)
		if err != nil {
			return err
		}
		if err := fn(n); err != nil {
			return err
		}
		if size >= len(b) {
			break
		}
		b = b[size:]
	}
	return nil
}

func fixedVersion(b []byte) string {
	ms, ls := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

// utf16z decodes a NUL-terminated UTF-16LE string at b[p:] and returns it and
// the offset just after the NUL.
func utf16z(b []byte, p int) (string, int) {
	var u []uint16
	for ; p+1 < len(b); p += 2 {
		c := binary.LittleEndian.Uint16(b[p:])
		if c == 0 {
			return string(utf16.Decode(u)), p + 2
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u)), len(b)
}

func align4(n int) int { return (n + 3) &^ 3 }
