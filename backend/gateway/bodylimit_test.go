package gateway

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// Issue 10, item 9: a chunked upload over the body limit is answered 413 in
// the API's error shape, not cut off with a reset.
func TestChunkedUploadOverTheLimitGets413(t *testing.T) {
	const limit = 1 << 20
	e := newEnv(t, envOpts{cfg: Config{MaxBodyBytes: limit}})
	body := `{"model":"gpt-4o-mini","input":"` + strings.Repeat("a", 6*limit) + `"}`
	// A reader of unknown length makes the client send the body chunked.
	req, err := http.NewRequestWithContext(bg, http.MethodPost, e.url+"/embeddings",
		io.MultiReader(bytes.NewReader([]byte(body))))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	req.Header.Set("Content-Type", "application/json")
	if req.ContentLength != 0 || req.TransferEncoding != nil {
		t.Fatalf("the request is not chunked: %d %v", req.ContentLength, req.TransferEncoding)
	}
	resp, b := send(t, req)
	wantAPIError(t, resp, b, http.StatusRequestEntityTooLarge, ReasonBodyTooLarge)
	if ev := e.rec.last(t, 1); ev.Status != http.StatusRequestEntityTooLarge || ev.ErrorType != ReasonBodyTooLarge {
		t.Fatalf("event = %+v", ev)
	}
}

// A client that sends its whole body before it reads the answer (curl, most
// SDKs on HTTP/1.1) must still get the 413, not a reset connection.
func TestChunkedUploadOverTheLimitGets413BeforeAReset(t *testing.T) {
	const limit = 1 << 20
	e := newEnv(t, envOpts{cfg: Config{MaxBodyBytes: limit}})
	conn, err := net.Dial("tcp", e.gw.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := "POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + e.adaToken +
		"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
	w := bufio.NewWriter(conn)
	_, _ = w.WriteString(head)
	chunk := strings.Repeat("a", 64<<10)
	wrote := 0
	for wrote < 8*limit {
		if _, err := fmt.Fprintf(w, "%x\r\n%s\r\n", len(chunk), chunk); err != nil {
			t.Fatalf("the gateway stopped reading after %d bytes: %v", wrote, err)
		}
		wrote += len(chunk)
	}
	_, _ = w.WriteString("0\r\n\r\n")
	if err := w.Flush(); err != nil {
		t.Fatalf("the gateway stopped reading: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	wantAPIError(t, resp, b, http.StatusRequestEntityTooLarge, ReasonBodyTooLarge)
}
