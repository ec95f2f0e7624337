package moderation

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"steward/tools/golden"
)

// sampleReport is a cancelled run of five items under one custom
// threshold: two flagged, one clean, one legacy answer, one error and one
// never sent.
func sampleReport() RunReport {
	run := Run{ID: 12, SuiteID: 3, SuiteName: "Support bot <beta>", Model: "omni-moderation-latest", Status: RunCancelled,
		CreatedAt: "2026-03-10T09:30:00Z", Total: 6}
	results := []ItemResult{
		result(0, 1, map[string]float64{"violence": 0.91, "harassment/threatening": 0.62}, nil),
		result(1, 2, map[string]float64{"violence": 0.35}, nil),
		result(2, 3, nil, nil),
		legacy(result(3, 4, map[string]float64{"hate": 0.5}, nil)),
		{Index: 4, ItemID: 5, Input: "=cmd|' /C calc'!A0", State: StateError, Error: "The API rejected the request (400): bad input",
			ErrorZh: "API 拒绝了该请求（400）：bad input"},
		{Index: 5, ItemID: 6, Input: "这部电影里的打斗场面太血腥了吗？", State: StatePending},
	}
	results[0].Input = "I will kill them <b>now</b>"
	results[1].Input = "How do I sharpen a kitchen knife safely?"
	results[2].Input = "A sunny day, \"quoted\""
	results[3].Input = "hateful slogan"
	results[3].AppliedInputTypes = map[string][]string{}
	return buildReport(run, results, Thresholds{"violence": 0.3})
}

func TestReportSummary(t *testing.T) {
	rep := sampleReport()
	s := rep.Summary
	if s.Total != 6 || s.Flagged != 3 || s.Errors != 2 || s.PerCategory["violence"] != 2 || s.PerCategory["hate"] != 1 ||
		s.PerCategory["harassment/threatening"] != 1 || len(s.PerCategory) != 13 {
		t.Fatalf("summary = %+v", s)
	}
	if !strings.Contains(rep.Items[5].Error, "cancelled") || rep.Items[5].Categories["violence"] != nil || rep.Items[5].Scores["violence"] != nil {
		t.Fatalf("unsent item = %+v", rep.Items[5])
	}
}

// TestReportJSONShape checks the documented export shape key by key.
func TestReportJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReport(&buf, sampleReport(), ReportJSON, "en"); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	json.Unmarshal(buf.Bytes(), &doc)
	if got := sortedKeys(doc); !reflect.DeepEqual(got, []string{"items", "model", "run_id", "summary"}) {
		t.Fatalf("top-level keys = %v", got)
	}
	var items []map[string]json.RawMessage
	json.Unmarshal(doc["items"], &items)
	want := []string{"applied_input_types", "categories", "error", "flagged", "index", "input", "scores"}
	for _, it := range items {
		if got := sortedKeys(it); !reflect.DeepEqual(got, want) {
			t.Fatalf("item keys = %v", got)
		}
		for _, k := range []string{"categories", "scores"} {
			var m map[string]any
			json.Unmarshal(it[k], &m)
			if got := sortedKeys(m); !reflect.DeepEqual(got, slices.Sorted(slices.Values(Categories()))) {
				t.Fatalf("%s keys = %v", k, got)
			}
		}
	}
	var summary map[string]json.RawMessage
	json.Unmarshal(doc["summary"], &summary)
	if got := sortedKeys(summary); !reflect.DeepEqual(got, []string{"errors", "flagged", "per_category", "total"}) {
		t.Fatalf("summary keys = %v", got)
	}
}

func TestReportGolden(t *testing.T) {
	for _, tt := range []struct{ format, lang, file string }{
		{ReportJSON, "en", "report.json"},
		{ReportCSV, "en", "report.csv"},
		{ReportHTML, "en", "report.en.html"},
		{ReportHTML, "zh-CN", "report.zh-CN.html"},
		{ReportJSON, "zh-CN", "report.zh-CN.json"},
	} {
		t.Run("OK_"+tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteReport(&buf, sampleReport(), tt.format, tt.lang); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, tt.file, buf.Bytes())
		})
	}
}

func TestReportHTMLIsSelfContained(t *testing.T) {
	for _, lang := range []string{"en", "zh-CN"} {
		var buf bytes.Buffer
		if err := WriteReport(&buf, sampleReport(), ReportHTML, lang); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if strings.Count(page, "<rect ") != 13 || !strings.Contains(page, `<html lang="`+lang+`">`) {
			t.Fatalf("%s: chart or lang missing", lang)
		}
		for _, bad := range []string{"<script", "src=", "href=", "<b>now</b>", "<beta>"} {
			if strings.Contains(page, bad) {
				t.Fatalf("%s: page contains %q", lang, bad)
			}
		}
		if strings.Count(page, "http://") != 1 { // the SVG namespace
			t.Fatalf("%s: page refers to outside resources", lang)
		}
	}
}

func TestWriteReportRefusals(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReport(&buf, sampleReport(), "docx", "en"); err == nil || !strings.Contains(err.Error(), "docx") {
		t.Fatalf("docx: %v", err)
	}
	if err := WriteReport(&buf, sampleReport(), ReportJSON, "fr"); err == nil {
		t.Fatal("fr accepted")
	}
	if buf.Len() != 0 {
		t.Fatal("wrote something")
	}
}
