package leakscan

import "steward/backend/secret"

// Rule IDs.
const (
	RuleProjectKey        = "openai-project-key"
	RuleServiceAccountKey = "openai-service-account-key"
	RuleAdminKey          = "openai-admin-key"
	RuleLegacyKey         = "openai-legacy-key"
	RuleEnvAssignment     = "openai-env-assignment"
)

// Rule is one kind of leak the scanner reports, with examples it must and
// must not match. Examples are templates expanded at test time (see
// backend/secret/fakekey): {key} is a fresh fake key of the rule's kind, {alnum:N}
// and {body:N} are N random characters, {rep:C:N} is C repeated N times.
type Rule struct {
	ID             string
	Description    string // one line, for reports
	Detail         string // what the finding means, in a sentence or two
	Help           string // what to do about a finding
	Severity       string // before the register is consulted
	Kind           string // secret.Kind of the keys it finds; empty for the env rule
	ExampleFile    string // file name the examples are scanned as
	TruePositives  []string
	FalsePositives []string
}

// keyDetail says what a key finding means.
const keyDetail = "An OpenAI API key is written in the file. Anyone who can read the file, a copy of it, " +
	"or the repository's history can call the API as its owner and bill the organization."

// keyHelp is the advice shared by every key rule.
const keyHelp = "Revoke the key on the OpenAI dashboard (API keys page) and create a new one: " +
	"deleting the line, or rewriting git history, does not un-leak a key someone may have copied. " +
	"Then load keys from the environment or a secret manager. A line that must stay may carry a " +
	"steward:allow comment; accepted findings can go in a baseline file."

// Rules returns every rule, key rules first.
func Rules() []Rule {
	keyRule := func(id, desc, kind string) Rule {
		return Rule{ID: id, Description: desc, Detail: keyDetail, Help: keyHelp, Severity: SeverityHigh, Kind: kind,
			ExampleFile: "notes.txt", TruePositives: secret.KeyExamples(kind), FalsePositives: secret.KeyNonExamples()}
	}
	return []Rule{
		keyRule(RuleProjectKey, "OpenAI project API key (sk-proj-)", secret.KindProject),
		keyRule(RuleServiceAccountKey, "OpenAI service account API key (sk-svcacct-)", secret.KindServiceAccount),
		keyRule(RuleAdminKey, "OpenAI admin API key (sk-admin-)", secret.KindAdmin),
		keyRule(RuleLegacyKey, "OpenAI user API key, legacy form (sk-…T3BlbkFJ…)", secret.KindLegacyUser),
		{
			ID:          RuleEnvAssignment,
			Description: "OPENAI_API_KEY set to a literal value in an env file",
			Detail: "An env file assigns OPENAI_API_KEY a literal value that is not a recognised key " +
				"format (perhaps a truncated key, a proxy's key or a newer format). Env files are easily " +
				"committed or shared with the value inside.",
			Help: "Env files get copied, committed and shared. Keep the value out of the file " +
				"(inject it at run time, or reference a secret manager), rotate the key if the file " +
				"was ever shared, and add the file to .gitignore.",
			Severity:    SeverityMedium,
			ExampleFile: ".env",
			TruePositives: []string{
				`OPENAI_API_KEY={alnum:40}`,
				`export OPENAI_API_KEY="{body:51}"`,
				`  OPENAI_API_KEY = '{alnum:32}'  # local only`,
				`OPENAI_API_KEY=sk-{alnum:48}`,
			},
			FalsePositives: []string{
				`OPENAI_API_KEY=`,
				`OPENAI_API_KEY=""`,
				`OPENAI_API_KEY=sk-...`,
				`OPENAI_API_KEY=sk-your-key-here`,
				`OPENAI_API_KEY="<your OpenAI key>"`,
				`OPENAI_API_KEY=${OPENAI_API_KEY}`,
				`OPENAI_API_KEY=$OPENAI_KEY_FROM_VAULT`,
				`OPENAI_API_KEY=op://Engineering/OpenAI/credential`,
				`OPENAI_API_KEY=changeme`,
				`OPENAI_API_KEY=sk-proj-XXXXXXXXXXXXXXXX`,
				`OPENAI_API_KEY=sk-proj-****abcd`,
				`MY_OPENAI_API_KEY_FILE=/run/secrets/openai`,
				`OPENAI_API_KEY_PATH={alnum:40}`,
				`# OPENAI_API_KEY={alnum:40}`,
				`OPENAI_API_KEY={rep:a:40}`,
			},
		},
	}
}

// ruleByID returns the rule with id from rules.
func ruleByID(rules []Rule, id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
