// Package moderation is the moderation tester: suites of sample prompts
// (text and images), importers and exporters for them, runs of a suite
// against POST /v1/moderations with batching, rate limits, retries, pause
// and resume, the stored results, custom thresholds, comparisons between
// runs, precision and recall against expected labels, and reports.
package moderation

import (
	"slices"
	"strings"

	"steward/backend/openai"
)

// Categories lists the 13 categories of the current moderation models in
// the API's order (backend/openai's list). The UI, the CLI and every
// export show them in this order.
func Categories() []string { return openai.ModerationCategories() }

// IsCategory reports whether name is one of Categories.
func IsCategory(name string) bool { return slices.Contains(Categories(), name) }

// CategoryLabel is a category's name for people, in lang ("en" or
// "zh-CN").
func CategoryLabel(category, lang string) string {
	if lang != "zh-CN" {
		return category
	}
	zh := map[string]string{
		"hate": "仇恨", "hate/threatening": "仇恨/威胁", "harassment": "骚扰", "harassment/threatening": "骚扰/威胁",
		"illicit": "违法", "illicit/violent": "违法/暴力", "self-harm": "自残", "self-harm/intent": "自残/意图",
		"self-harm/instructions": "自残/方法", "sexual": "色情", "sexual/minors": "色情/未成年人",
		"violence": "暴力", "violence/graphic": "暴力/血腥",
	}
	if s, ok := zh[category]; ok {
		return s
	}
	return category
}

// evalLabels maps the label codes of OpenAI's moderation evaluation set
// ("A Holistic Approach to Undesired Content Detection", 2022) onto
// today's categories.
func evalLabels() map[string]string {
	return map[string]string{
		"S": "sexual", "H": "hate", "V": "violence", "HR": "harassment", "SH": "self-harm",
		"S3": "sexual/minors", "H2": "hate/threatening", "V2": "violence/graphic",
	}
}

// categoryFromLabel resolves a label name as written in an import file: a
// category name (any case, "_" or " " for "/"), or an evaluation-set code.
func categoryFromLabel(name string) (string, bool) {
	if c, ok := evalLabels()[strings.TrimSpace(name)]; ok {
		return c, true
	}
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer("_", "/", " ", "/").Replace(n)
	n = strings.ReplaceAll(n, "self/harm", "self-harm")
	if IsCategory(n) {
		return n, true
	}
	return "", false
}
