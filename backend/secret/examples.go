package secret

// KeyExamples are the places a key of kind must be found in, including
// inside escaped strings that common scanners miss. They are templates for
// the fakekey generator: {key} is a fresh fake key, {key:u002d} the same
// with its hyphens escaped. The leak scanner's rules carry them as true
// positives, and every redaction point is tested against them.
func KeyExamples(kind string) []string {
	ex := []string{
		`{key}`,
		`OPENAI_API_KEY={key}`,
		`export OPENAI_API_KEY="{key}"`,
		`client = OpenAI(api_key='{key}')`,
		`    "    \"client = OpenAI(api_key=\\\"{key}\\\")\\n\",`,
		`{"messages":"first line\n{key}\nlast line"}`,
		`{"messages":"line1\n{key}"}`,
		`{"cell":"key=\"{key}\"\r\n"}`,
		`{"cell":"col\t{key}\tcol"}`,
		`openai: {api_key: {key}}`,
		`2024-05-01T10:00:00Z DEBUG request headers={'Authorization': 'Bearer {key}'}`,
		`curl "https://example.test/?key=%22{key}%22"`,
		`const k = "\u0022{key}\u0022";`,
		`{"input":"{key:u002d}"}`,
		`\t{key}\t`,
		`key:{key};`,
		"`{key}`",
	}
	if kind != KindLegacyUser {
		// A legacy key glued to a word cannot be told from "task-…".
		ex = append(ex, `KEY{key}`, `token=abcKEY{key} next`)
	}
	return ex
}

// KeyNonExamples are placeholders and redacted forms that are not keys.
func KeyNonExamples() []string {
	return []string{
		`OPENAI_API_KEY=sk-...`,
		`api_key = "sk-your-key-here"`,
		`api_key = "sk-xxxxxxxx"`,
		`OPENAI_API_KEY=sk-proj-XXXX`,
		`Set the header to <sk-...>.`,
		`the key sk-proj-…abcd was rotated`,
		`the key sk-proj-****abcd was rotated`,
		`sk-proj-abc…T3BlbkFJ…xyz`,
		`data:text/plain;base64,T3BlbkFJIGtleXMgYXJlIHNlY3JldA==`,
		`sk-proj-{rep:X:74}T3BlbkFJ{rep:X:74}`,
		`sk-svcacct-{rep:x:74}T3BlbkFJ{rep:x:74}`,
		`sk-admin-{rep:0:58}T3BlbkFJ{rep:0:58}`,
		`sk-{rep:x:20}T3BlbkFJ{rep:x:20}`,
		`sk-abcdefghijklmnopqrst{rep:x:0}T3BlbkFJabcdefghijklmnopqrst`, // {rep:x:0} keeps the source clear of the key pattern
		`sk-proj-EXAMPLEEXAMPLE{body:60}T3BlbkFJ{body:74}`,
		`sk-{alnum:19}T3BlbkFJ{alnum:20}`,
		`sk-{alnum:20}T3BlbkFJ{alnum:21}`,
		`task-{alnum:20}T3BlbkFJ{alnum:20}`,
		`sk-proj-{body:74}T3BlbkFJ{body:10}`,
		`sk-proj-{body:10}T3BlbkFJ{body:74}`,
		`sk-proj-{body:400}T3BlbkFJ{body:74}`,
		`{body:74}T3BlbkFJ{body:74}`,
		`sk-proj-abc.{body:74}T3BlbkFJ{body:74}`,
	}
}
