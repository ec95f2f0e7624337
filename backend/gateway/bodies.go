package gateway

// maxLoggedBody caps how much of a request or answer is kept for body
// logging; the rest is marked as cut.
const maxLoggedBody = 256 << 10

// bodyLog collects a call's request and answer text when the team has
// switched body logging on. The usage log redacts and prunes them by its
// policy; when logging is off nothing is collected.
type bodyLog struct {
	on     bool
	answer []byte
	cut    bool
}

// add keeps answer bytes up to the cap.
func (b *bodyLog) add(p []byte) {
	if !b.on || b.cut {
		return
	}
	room := maxLoggedBody - len(b.answer)
	if len(p) > room {
		p, b.cut = p[:room], true
	}
	b.answer = append(b.answer, p...)
}

// fill sets the event's bodies from the request read ahead and the answer.
func (c *call) fillBodies() {
	if !c.bodies.on {
		return
	}
	req := c.body
	if len(req) > maxLoggedBody {
		req = req[:maxLoggedBody]
	}
	c.ev.RequestBody = string(req)
	if !c.whole || len(c.body) > maxLoggedBody {
		c.ev.RequestBody += "\n[… cut]"
	}
	c.ev.ResponseBody = string(c.bodies.answer)
	if c.bodies.cut {
		c.ev.ResponseBody += "\n[… cut]"
	}
}
