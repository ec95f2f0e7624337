// Command fakeopenai serves the openaitest stand-in on a fixed address, so
// the desktop app's end-to-end tests have an OpenAI-compatible API to call
// where the internet is unreachable. The accepted key comes from the
// environment (FAKEOPENAI_KEY), never from the command line.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"steward/backend/openaitest"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:18080", "address to listen on")
	flag.Parse()
	var opts []openaitest.Option
	if k := os.Getenv("FAKEOPENAI_KEY"); k != "" {
		opts = append(opts, openaitest.WithKeys(k))
	}
	if org, ok := openaitest.OrgFromEnv(os.Getenv, time.Now()); ok { // FAKEOPENAI_ADMIN_KEY, FAKEOPENAI_ORG_KEYS
		opts = append(opts, openaitest.WithOrg(org), openaitest.WithKeys(org.AdminKeys[0].Value))
	}
	srv, err := openaitest.Listen(*addr, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fakeopenai:", err)
		os.Exit(2)
	}
	fmt.Println(srv.URL)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	srv.Close()
}
