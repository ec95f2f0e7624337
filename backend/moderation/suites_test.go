package moderation

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestSuites(t *testing.T) {
	s := newTestService(t)
	t.Run("OK_CreateRenameList", func(t *testing.T) {
		su, err := s.CreateSuite("  Support bot ")
		if err != nil || su.Name != "Support bot" || su.CreatedAt != "2026-03-10T09:30:00Z" || su.ItemCount != 0 {
			t.Fatalf("CreateSuite = %+v, %v", su, err)
		}
		if su, err = s.RenameSuite(su.ID, "Help desk"); err != nil || su.Name != "Help desk" {
			t.Fatalf("RenameSuite = %+v, %v", su, err)
		}
		list, _ := s.ListSuites()
		if len(list) != 1 || list[0].Name != "Help desk" {
			t.Fatalf("ListSuites = %+v", list)
		}
	})
	t.Run("ErrSuiteExists", func(t *testing.T) {
		_, err := s.CreateSuite("HELP DESK")
		wantCode(t, err, CodeSuiteExists)
		bothLanguages(t, err)
	})
	t.Run("ErrNameRequired", func(t *testing.T) {
		_, err := s.CreateSuite(" ")
		wantCode(t, err, CodeNameRequired)
	})
	t.Run("ErrSuiteUnknown", func(t *testing.T) {
		_, err := s.RenameSuite(999, "x")
		wantCode(t, err, CodeSuiteUnknown)
		wantCode(t, s.DeleteSuite(999), CodeSuiteUnknown)
		_, err = s.Items(999)
		wantCode(t, err, CodeSuiteUnknown)
	})
	t.Run("OK_DeleteRemovesItemsAndRuns", func(t *testing.T) {
		su := makeSuite(t, s, "gone", "a", "b")
		if _, err := s.CreateRun(su.ID, RunOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSuite(su.ID); err != nil {
			t.Fatal(err)
		}
		var items, runs, runItems int
		s.st.Read().QueryRow(`SELECT (SELECT count(*) FROM moderation_items WHERE suite_id = ?),
			(SELECT count(*) FROM moderation_runs), (SELECT count(*) FROM moderation_run_items)`, su.ID).Scan(&items, &runs, &runItems)
		if items+runs+runItems != 0 {
			t.Fatalf("left behind: %d items, %d runs, %d run items", items, runs, runItems)
		}
	})
}

func TestItems(t *testing.T) {
	s := newTestService(t)
	su := makeSuite(t, s, "items")
	img := writeFile(t, "cat.png", pngBytes())
	t.Run("OK_AddEditRemove", func(t *testing.T) {
		a, err := s.AddItem(su.ID, ItemInput{Text: "first", Expected: Labels{"V": true, "self_harm": false}})
		if err != nil || a.Position != 0 || !reflect.DeepEqual(a.Expected, Labels{"violence": true, "self-harm": false}) {
			t.Fatalf("AddItem = %+v, %v", a, err)
		}
		b, err := s.AddItem(su.ID, ItemInput{ImagePath: img})
		if err != nil || b.Position != 1 || b.ImagePath != img {
			t.Fatalf("AddItem image = %+v, %v", b, err)
		}
		if a, err = s.UpdateItem(a.ID, ItemInput{Text: "edited", ImagePath: img}); err != nil || a.Text != "edited" || a.ImagePath != img || len(a.Expected) != 0 {
			t.Fatalf("UpdateItem = %+v, %v", a, err)
		}
		if err := s.RemoveItem(b.ID); err != nil {
			t.Fatal(err)
		}
		items, _ := s.Items(su.ID)
		if len(items) != 1 || items[0].Text != "edited" {
			t.Fatalf("Items = %+v", items)
		}
		if got, _ := s.Suite(su.ID); got.ItemCount != 1 {
			t.Fatalf("ItemCount = %d", got.ItemCount)
		}
	})
	t.Run("ErrItemEmpty", func(t *testing.T) {
		_, err := s.AddItem(su.ID, ItemInput{Text: "  \n"})
		wantCode(t, err, CodeItemEmpty)
	})
	t.Run("ErrLabelUnknown", func(t *testing.T) {
		_, err := s.AddItem(su.ID, ItemInput{Text: "x", Expected: Labels{"violance": true}})
		wantCode(t, err, CodeLabelUnknown)
	})
	t.Run("ErrItemUnknown", func(t *testing.T) {
		_, err := s.UpdateItem(999, ItemInput{Text: "x"})
		wantCode(t, err, CodeItemUnknown)
		wantCode(t, s.RemoveItem(999), CodeItemUnknown)
	})
	t.Run("ErrImageTooLarge", func(t *testing.T) {
		big := filepath.Join(t.TempDir(), "big.png")
		f, _ := os.Create(big)
		f.Write(pngBytes())
		f.Truncate(MaxImageBytes + 1)
		f.Close()
		_, err := s.AddItem(su.ID, ItemInput{ImagePath: big})
		wantCode(t, err, CodeImageInvalid)
		en, zh := bothLanguages(t, err)
		if !strings.Contains(en, "20.0 MB; the moderation API takes images up to 20 MB") || !strings.Contains(zh, "20 MB") {
			t.Fatalf("message = %q / %q", en, zh)
		}
	})
	t.Run("ErrImageNotAnImage", func(t *testing.T) {
		_, err := s.AddItem(su.ID, ItemInput{ImagePath: writeFile(t, "notes.png", []byte("hello"))})
		wantCode(t, err, CodeImageInvalid)
	})
	t.Run("ErrImageMissing", func(t *testing.T) {
		_, err := s.AddItem(su.ID, ItemInput{ImagePath: filepath.Join(t.TempDir(), "nope.png")})
		wantCode(t, err, CodeImageInvalid)
	})
}

func TestImageDataURL(t *testing.T) {
	url, err := imageDataURL("test", writeFile(t, "x.bin", pngBytes()))
	if err != nil || !strings.HasPrefix(url, "data:image/png;base64,iVBORw0KGgo") {
		t.Fatalf("data URL = %.40s…, %v", url, err)
	}
}

func TestStarterSuite(t *testing.T) {
	s := newTestService(t)
	su, err := s.CreateStarterSuite()
	if err != nil || su.Name != StarterSuiteName || su.ItemCount != len(starterPrompts()) {
		t.Fatalf("CreateStarterSuite = %+v, %v", su, err)
	}
	again, err := s.CreateStarterSuite()
	if err != nil || again.Name != StarterSuiteName+" (2)" {
		t.Fatalf("second starter suite = %+v, %v", again, err)
	}
	var en, zh int
	for _, p := range starterPrompts() {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			zh++
		} else {
			en++
		}
	}
	if en < 10 || zh < 10 {
		t.Fatalf("starter suite has %d English and %d Chinese prompts", en, zh)
	}
}

func TestImportService(t *testing.T) {
	s := newTestService(t)
	t.Run("OK_NewSuiteNamedAfterFile", func(t *testing.T) {
		p := writeFile(t, "support-prompts.jsonl", []byte(`{"prompt": "a"}`+"\nnot json\n"+`{"prompt": "b"}`))
		res, err := s.ImportNewSuite("", p, ImportOptions{})
		if err != nil || res.Imported != 2 || len(res.Skipped) != 1 || res.Skipped[0].Line != 2 {
			t.Fatalf("ImportNewSuite = %+v, %v", res, err)
		}
		su, _ := s.Suite(res.SuiteID)
		if su.Name != "support-prompts" {
			t.Fatalf("suite name = %q", su.Name)
		}
		if res, _ = s.ImportNewSuite("", p, ImportOptions{}); res.SuiteID == su.ID {
			t.Fatal("second import reused the suite")
		}
		if su, _ = s.Suite(res.SuiteID); su.Name != "support-prompts (2)" {
			t.Fatalf("second suite name = %q", su.Name)
		}
	})
	t.Run("ErrBadFileCreatesNoSuite", func(t *testing.T) {
		before, _ := s.ListSuites()
		_, err := s.ImportNewSuite("never", writeFile(t, "empty.csv", nil), ImportOptions{})
		wantCode(t, err, CodeImportInvalid)
		if after, _ := s.ListSuites(); len(after) != len(before) {
			t.Fatal("a suite was created")
		}
	})
	t.Run("ErrBadFileKeepsItems", func(t *testing.T) {
		su := makeSuite(t, s, "kept", "one", "two")
		_, err := s.ImportFile(su.ID, writeFile(t, "latin1.txt", []byte("caf\xe9\n")), ImportOptions{})
		wantCode(t, err, CodeImportInvalid)
		if items, _ := s.Items(su.ID); len(items) != 2 {
			t.Fatalf("items after failed import = %d", len(items))
		}
		res, err := s.ImportFile(su.ID, writeFile(t, "more.txt", []byte("three\n")), ImportOptions{})
		if err != nil || res.Imported != 1 {
			t.Fatalf("ImportFile = %+v, %v", res, err)
		}
		if items, _ := s.Items(su.ID); len(items) != 3 || items[2].Text != "three" || items[2].Position != 2 {
			t.Fatalf("items = %+v", items)
		}
	})
	t.Run("ErrFileMissing", func(t *testing.T) {
		_, err := s.ImportNewSuite("", filepath.Join(t.TempDir(), "nope.csv"), ImportOptions{})
		wantCode(t, err, CodeImportInvalid)
	})
	t.Run("OK_CSVColumns", func(t *testing.T) {
		cols, err := s.CSVColumns(writeFile(t, "q.csv", []byte("\ufeffid, question ,label\n1,hi,0\n")))
		if err != nil || !reflect.DeepEqual(cols, []string{"id", "question", "label"}) {
			t.Fatalf("CSVColumns = %q, %v", cols, err)
		}
	})
}

// TestExportRoundTrip writes a suite in each format and reads it back.
func TestExportRoundTrip(t *testing.T) {
	s := newTestService(t)
	su := makeSuite(t, s, "round trip")
	img := writeFile(t, "pic.png", pngBytes())
	inputs := []ItemInput{
		{Text: "plain"},
		{Text: "with, comma and \"quotes\"\nand a second line", Expected: Labels{"violence": true, "hate": false}},
		{Text: "这部电影里的打斗场面太血腥了吗？", ImagePath: img, Expected: Labels{"illicit/violent": true}},
	}
	for _, in := range inputs {
		if _, err := s.AddItem(su.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := s.Items(su.ID)
	for _, format := range []string{"csv", "jsonl", "jsonl.gz"} {
		t.Run("OK_"+format, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "suite."+format)
			if err := s.ExportSuite(su.ID, path, ""); err != nil {
				t.Fatal(err)
			}
			items, skipped, err := parseFile(path, ImportOptions{})
			if err != nil || len(skipped) != 0 || len(items) != len(want) {
				t.Fatalf("re-import: %d items, %v, %v", len(items), skipped, err)
			}
			for i, it := range items {
				if it.Text != want[i].Text || it.ImagePath != want[i].ImagePath || !reflect.DeepEqual(it.Expected, want[i].Expected) {
					t.Fatalf("item %d = %+v; want %+v", i, it, want[i])
				}
			}
		})
	}
	t.Run("OK_txtKeepsTextOnOneLine", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteSuite(&buf, want, FormatTXT); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(buf.String(), "\n"); got != 3 || !strings.Contains(buf.String(), "\"quotes\" and a second line") {
			t.Fatalf("txt = %q", buf.String())
		}
	})
	t.Run("ErrFormatUnknown", func(t *testing.T) {
		err := s.ExportSuite(su.ID, filepath.Join(t.TempDir(), "suite.xlsx"), "")
		if err == nil || !strings.Contains(err.Error(), "xlsx") {
			t.Fatalf("err = %v", err)
		}
	})
}
