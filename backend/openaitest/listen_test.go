package openaitest

import (
	"net/http"
	"testing"
)

func TestListen(t *testing.T) {
	srv, err := Listen("127.0.0.1:0", WithKeys("sk-test-listen-key-000000000000"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/models", nil)
	req.Header.Set("Authorization", "Bearer sk-test-listen-key-000000000000")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /models = %v %v", resp, err)
	}
	resp.Body.Close()
}
