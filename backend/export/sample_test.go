package export

import (
	"fmt"
	"strings"
)

// englishSample is an English report with hostile input in every kind of
// block.
func englishSample() Document {
	return Document{
		Lang:     "en",
		Title:    "Launch checklist <script>alert(1)</script>",
		Subtitle: "Acme *Workspace* | v1.2",
		Meta: []Field{
			{Label: "Workspace", Value: "Acme & Co"},
			{Label: "Version", Value: "1.2.0"},
			{Label: "Generated", Value: "2025-01-31 09:30"},
		},
		Blocks: []Block{
			{Heading: &Heading{Level: 1, Text: "Summary", Tag: "In progress"}},
			{Paragraph: "This report lists what must be done before launch.\n" +
				"Second line with *stars*, _underscores_, snake_case, `code`, [link](http://x) and <b>tags</b> & &amp; entities."},
			{Paragraph: "# not a heading\n- not a list\n1. not ordered\n> not a quote"},
			{List: []string{"Write the privacy policy", "Review *all* | pipes", "Multi-line item\nsecond line"}},
			{Heading: &Heading{Level: 2, Text: "Owner & status", Tag: "Done"}},
			{Fields: []Field{
				{Label: "Status", Value: "Blocked <img src=x onerror=alert(1)>"},
				{Label: "Owner", Value: "Ana | Ops"},
				{Label: "Due", Value: "2025-02-14"},
			}},
			{Heading: &Heading{Level: 3, Text: "Tasks | open", Tag: "Blocked"}},
			{Table: &Table{
				Header: []string{"#", "Task", "Owner | team", "Status"},
				Rows: [][]string{
					{"1", "Draft terms of service", "Legal", "Done"},
					{"2", "Pipe | inside * cell", "Ops", "To do"},
					{"3", "Two\nlines", "<script>x</script>", "Open"},
					{"4", "Ragged row"},
				},
			}},
			{Note: "This is not legal advice. <script>alert('x')</script>"},
			{PageBreak: true},
			{Heading: &Heading{Level: 1, Text: "Appendix"}},
			{Paragraph: "The end."},
		},
	}
}

// chineseSample is a Chinese report with mixed Latin text.
func chineseSample() Document {
	return Document{
		Lang:     "zh-CN",
		Title:    "隐私政策草案",
		Subtitle: "工作区：示例公司 | 版本 2.0",
		Meta: []Field{
			{Label: "工作区", Value: "示例公司"},
			{Label: "生成时间", Value: "2025年1月31日"},
		},
		Blocks: []Block{
			{Heading: &Heading{Level: 1, Text: "概述", Tag: "进行中"}},
			{Paragraph: "本文档说明我们如何收集、使用和保护您的个人信息。请仔细阅读（包括“第三方共享”一节）。Steward 使用 AES-256 加密。"},
			{List: []string{"收集的信息：账户信息、使用数据", "信息的用途 <script>", "您的权利：访问、更正、删除"}},
			{Heading: &Heading{Level: 2, Text: "负责人", Tag: "已完成"}},
			{Fields: []Field{{Label: "状态", Value: "待审核"}, {Label: "负责人", Value: "张三 | 法务"}}},
			{Table: &Table{
				Header: []string{"类别", "示例", "保留期限"},
				Rows: [][]string{
					{"账户信息", "姓名、邮箱", "账户存续期间"},
					{"使用数据", "日志 | 设备信息", "90 天"},
				},
			}},
			{Note: "本草案不构成法律意见，请咨询专业律师。"},
		},
	}
}

// longChineseParagraph is about n Chinese characters without spaces.
func longChineseParagraph(n int) string {
	const sentence = "我们重视您的隐私并致力于保护您的个人信息安全，本政策适用于所有产品和服务。"
	var b strings.Builder
	for b.Len()/3 < n {
		b.WriteString(sentence)
	}
	return b.String()
}

// bigDocument is a long report: a long Chinese paragraph, items items in
// headings, fields and lists, and a table of items rows.
func bigDocument(lang string, items int) Document {
	zh := lang == "zh-CN"
	d := Document{Lang: lang, Title: "Usage report", Subtitle: "Quarterly",
		Meta: []Field{{Label: "Workspace", Value: "Big"}}}
	if zh {
		d.Title += " 使用报告"
		d.Blocks = append(d.Blocks, Block{Paragraph: longChineseParagraph(2000)})
	}
	tbl := &Table{Header: []string{"#", "Item", "Owner", "Status", "Notes"}}
	for i := 1; i <= items; i++ {
		text := fmt.Sprintf("Item %d: review the data flows and update the register accordingly.", i)
		if zh {
			text = fmt.Sprintf("第%d项：检查数据流并相应更新登记册。Item %d", i, i)
		}
		d.Blocks = append(d.Blocks,
			Block{Heading: &Heading{Level: 2, Text: fmt.Sprintf("Section %d", i), Tag: "Pending"}},
			Block{Paragraph: text},
			Block{Fields: []Field{{Label: "Owner", Value: "Team " + fmt.Sprint(i%7)}, {Label: "Due", Value: "2025-03-01"}}},
		)
		tbl.Rows = append(tbl.Rows, []string{fmt.Sprint(i), text, "Ops", "Open", strings.Repeat("note ", i%9)})
	}
	d.Blocks = append(d.Blocks, Block{List: []string{"one", "two", "three"}}, Block{Table: tbl},
		Block{Note: "End of report."})
	if zh {
		d.Blocks = append(d.Blocks, Block{Note: "报告结束。"})
	}
	return d
}
