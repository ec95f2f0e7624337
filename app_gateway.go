package main

import (
	"time"

	"steward/backend/gateway"
)

// openGateway builds the gateway the Gateway screen starts and stops; its
// calls are attributed through the key register and logged in the usage log.
func (a *App) openGateway() {
	access := gateway.NewAccess(a.store, a.keys, gateway.AccessOptions{})
	a.gatewayScreen = gateway.NewScreen(gateway.Deps{
		Access:    access,
		Secret:    a.keys.Secret,
		Lookup:    a.keys.Lookup,
		Recorder:  a.usageWriter,
		Overflow:  func() int64 { return a.usageWriter.Stats().Dropped },
		LogBodies: a.usage.BodyLoggingOn(5 * time.Second),
		Log:       a.log.Logger,
	}, a.context)
}

// closeGateway stops a running gateway before the usage log closes.
func (a *App) closeGateway() {
	if a.gatewayScreen == nil {
		return
	}
	done := make(chan struct{})
	go func() { a.gatewayScreen.Stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		a.log.Error("gateway did not stop in time")
	}
}
