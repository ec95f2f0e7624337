package keys

import (
	"regexp"
	"strings"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// Bounds on the part of a key after its prefix. Legacy user keys have 48
// characters, project and service-account keys well over a hundred.
const (
	minKeyBody = 20
	maxKeyLen  = 512
)

// keyBody is the alphabet of OpenAI key bodies.
var keyBody = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// keyInText finds something key-shaped inside free text.
var keyInText = regexp.MustCompile(`sk-[A-Za-z0-9_-]{20,}`)

// CleanKey trims what commonly comes along with a pasted key (spaces, line
// breaks, surrounding quotes) and checks that the rest has the shape of an
// OpenAI API key. Its errors never contain the input.
func CleanKey(op, raw string) (string, error) {
	k := strings.TrimSpace(raw)
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		k = strings.TrimSpace(k[1 : len(k)-1])
	}
	if k == "" {
		return "", notAKey(op, "The API key is empty. Paste the key from platform.openai.com/api-keys.",
			"API 密钥为空。请粘贴从 platform.openai.com/api-keys 复制的密钥。")
	}
	if strings.HasPrefix(k, "sk-ant-") {
		return "", notAKey(op, "That looks like an Anthropic key, not an OpenAI API key.",
			"这看起来是 Anthropic 的密钥，而不是 OpenAI API 密钥。")
	}
	p := secret.Prefix(k)
	if p == "" {
		return "", notAKey(op, "That is not an OpenAI API key: keys start with sk-proj-, sk-svcacct-, sk-admin- or sk-.",
			"这不是 OpenAI API 密钥：密钥应以 sk-proj-、sk-svcacct-、sk-admin- 或 sk- 开头。")
	}
	body := k[len(p):]
	switch {
	case strings.ContainsAny(k, " \t\r\n"):
		return "", notAKey(op, "The API key contains spaces or line breaks. Paste the key on its own.",
			"API 密钥中含有空格或换行。请只粘贴密钥本身。")
	case len(k) > maxKeyLen:
		return "", notAKey(op, "That is too long to be an OpenAI API key. Paste one key on its own.",
			"内容过长，不像是 OpenAI API 密钥。请只粘贴一把密钥。")
	case !keyBody.MatchString(body):
		return "", notAKey(op, "That is not an OpenAI API key: it contains characters keys never have.",
			"这不是 OpenAI API 密钥：其中含有密钥中不会出现的字符。")
	case len(body) < minKeyBody:
		return "", notAKey(op, "That is too short to be a whole OpenAI API key. Copy it again from platform.openai.com/api-keys.",
			"内容过短，不是完整的 OpenAI API 密钥。请从 platform.openai.com/api-keys 重新复制。")
	}
	return k, nil
}

func notAKey(op, en, zh string) error { return apperr.Text(CodeNotAKey, op, en, zh) }

// checkText refuses free text that contains something shaped like a key,
// so notes and labels never become a place keys are kept.
func checkText(op, field, value string) error {
	if keyInText.MatchString(value) || len(secret.Find([]byte(value))) > 0 {
		return errLooksLikeKey(op, field)
	}
	return nil
}

// shown is user input as it may appear in a message: anything key-shaped
// inside it is replaced by its redacted form.
func shown(s string) string {
	return keyInText.ReplaceAllStringFunc(secret.RedactKeys(s), secret.Redact)
}
