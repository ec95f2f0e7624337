package privacy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxNodes bounds how many values an answers file may hold, so YAML aliases
// cannot expand a small file into an enormous one.
const maxNodes = 200_000

// nodeKind is the shape of a parsed value.
type nodeKind int

const (
	kindNull nodeKind = iota
	kindScalar
	kindMap
	kindList
)

// node is a parsed answers value with the line it came from, built the same
// way from YAML and JSON so both give the same field errors.
type node struct {
	kind  nodeKind
	tag   string // scalars: str, int, float, bool
	value string // scalars: the text as written
	line  int
	keys  []string // maps, in file order
	vals  []*node  // maps: the value of each key
	items []*node  // lists
}

// get returns the value of key in a map node.
func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// describe names the node's kind for "expected X, got Y" messages.
func (n *node) describe() Text {
	switch n.kind {
	case kindMap:
		return T("a mapping", "映射（键值对）")
	case kindList:
		return T("a list", "列表")
	case kindNull:
		return T("nothing", "空值")
	}
	v := n.value
	if r := []rune(v); len(r) > 40 {
		v = string(r[:40]) + "…"
	}
	return T(strconv.Quote(v), "“"+v+"”")
}

// lookup finds the line of a field path such as "users.regions[2]"; 0 when
// the path is not in the file.
func (n *node) lookup(path string) int {
	line := 0
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if n == nil {
			return line
		}
		if key != "" {
			if n = n.get(key); n == nil {
				return line
			}
			line = n.line
		}
		for rest != "" {
			idx, after, _ := strings.Cut(rest, "]")
			rest = strings.TrimPrefix(after, "[")
			i, err := strconv.Atoi(idx)
			if err != nil || n.kind != kindList || i < 0 || i >= len(n.items) {
				return line
			}
			n = n.items[i]
			line = n.line
		}
	}
	return line
}

// parseYAML parses one YAML document into a node tree.
func parseYAML(data []byte) (root *node, err error) {
	defer func() {
		if r := recover(); r != nil { // the YAML parser is third-party code
			root, err = nil, fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &node{kind: kindMap}, nil
		}
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, errors.New("the file holds more than one YAML document")
	}
	count := 0
	return fromYAML(&doc, &count, 0)
}

// fromYAML converts a yaml.Node, following aliases, counting values.
func fromYAML(y *yaml.Node, count *int, depth int) (*node, error) {
	if *count++; *count > maxNodes || depth > 64 {
		return nil, errors.New("the file is too large or too deeply nested")
	}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &node{kind: kindMap, line: y.Line}, nil
		}
		return fromYAML(y.Content[0], count, depth+1)
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, fmt.Errorf("line %d: unknown alias", y.Line)
		}
		return fromYAML(y.Alias, count, depth+1)
	case yaml.MappingNode:
		n := &node{kind: kindMap, line: y.Line}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				return nil, fmt.Errorf("line %d: keys must be plain names (no merge keys or complex keys)", k.Line)
			}
			if n.get(k.Value) != nil {
				return nil, fmt.Errorf("line %d: %q appears twice", k.Line, k.Value)
			}
			v, err := fromYAML(y.Content[i+1], count, depth+1)
			if err != nil {
				return nil, err
			}
			v.line = k.Line // errors about a value point at its key
			n.keys, n.vals = append(n.keys, k.Value), append(n.vals, v)
		}
		return n, nil
	case yaml.SequenceNode:
		n := &node{kind: kindList, line: y.Line}
		for _, c := range y.Content {
			v, err := fromYAML(c, count, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
		}
		return n, nil
	}
	tag := strings.TrimPrefix(y.ShortTag(), "!!")
	if tag == "null" {
		return &node{kind: kindNull, line: y.Line}, nil
	}
	return &node{kind: kindScalar, tag: tag, value: y.Value, line: y.Line}, nil
}

// parseJSON parses one JSON value into a node tree, with line numbers.
func parseJSON(data []byte) (*node, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return &node{kind: kindMap}, nil
	}
	p := &jsonParser{dec: json.NewDecoder(bytes.NewReader(data)), lines: lineStarts(data)}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("line %d: unexpected data after the answers", p.line())
	}
	return n, nil
}

// jsonParser builds nodes from the decoder's token stream.
type jsonParser struct {
	dec   *json.Decoder
	lines []int // byte offset where each line starts
	count int
}

// line is the line of the token just read.
func (p *jsonParser) line() int {
	off := int(p.dec.InputOffset()) - 1
	return sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off })
}

func (p *jsonParser) value(depth int) (*node, error) {
	if p.count++; p.count > maxNodes || depth > 64 {
		return nil, errors.New("the file is too large or too deeply nested")
	}
	tok, err := p.dec.Token()
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", p.line(), err)
	}
	line := p.line()
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return p.object(line, depth)
		}
		if v == '[' {
			return p.array(line, depth)
		}
		return nil, fmt.Errorf("line %d: unexpected %q", line, v)
	case nil:
		return &node{kind: kindNull, line: line}, nil
	case bool:
		return &node{kind: kindScalar, tag: "bool", value: strconv.FormatBool(v), line: line}, nil
	case json.Number:
		tag := "float"
		if _, err := v.Int64(); err == nil {
			tag = "int"
		}
		return &node{kind: kindScalar, tag: tag, value: v.String(), line: line}, nil
	case string:
		return &node{kind: kindScalar, tag: "str", value: v, line: line}, nil
	}
	return nil, fmt.Errorf("line %d: unexpected %v", line, tok)
}

func (p *jsonParser) object(line, depth int) (*node, error) {
	n := &node{kind: kindMap, line: line}
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", p.line(), err)
		}
		key, _ := tok.(string)
		if n.get(key) != nil {
			return nil, fmt.Errorf("line %d: %q appears twice", p.line(), key)
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.keys, n.vals = append(n.keys, key), append(n.vals, v)
	}
	_, err := p.dec.Token() // the closing brace
	return n, err
}

func (p *jsonParser) array(line, depth int) (*node, error) {
	n := &node{kind: kindList, line: line}
	for p.dec.More() {
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, v)
	}
	_, err := p.dec.Token() // the closing bracket
	return n, err
}

// lineStarts returns the byte offset at which each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
