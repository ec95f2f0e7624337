package checklist

// statusLabels are the statuses as people read them; the UI has its own copy
// in its message files, these serve exports and the CLI.
var statusLabels = map[string]Text{
	StatusTodo:          {"To do", "待办"},
	StatusInProgress:    {"In progress", "进行中"},
	StatusDone:          {"Done", "已完成"},
	StatusNotApplicable: {"Not applicable", "不适用"},
	StatusAtRisk:        {"At risk", "有风险"},
}

// StatusLabel names a status in lang.
func StatusLabel(status, lang string) string {
	if t, ok := statusLabels[status]; ok {
		return t.In(lang)
	}
	return status
}

// exportLabels are the fixed words of the checklist's exports.
var exportLabels = map[string]Text{
	"title":      {"Policy checklist", "合规检查清单"},
	"workspace":  {"Workspace", "工作区"},
	"catalogue":  {"Catalogue version", "清单版本"},
	"exported":   {"Exported", "导出时间"},
	"progress":   {"Progress", "完成进度"},
	"section":    {"Section", "分类"},
	"done":       {"Done", "已完成"},
	"applicable": {"Applicable", "适用项"},
	"percent":    {"Complete", "完成率"},
	"overall":    {"Overall", "总计"},
	"id":         {"ID", "编号"},
	"item":       {"Item", "检查项"},
	"status":     {"Status", "状态"},
	"owner":      {"Owner", "负责人"},
	"due":        {"Due", "截止日期"},
	"notes":      {"Notes", "备注"},
	"reason":     {"Reason not applicable", "不适用理由"},
	"evidence":   {"Evidence", "证据"},
	"sources":    {"Sources", "依据"},
	"why":        {"Why it matters", "为何重要"},
	"how":        {"How to satisfy it", "如何满足"},
	"overdue":    {"overdue", "已逾期"},
	"none":       {"—", "—"},
	"disclaimer": {"This checklist supports your own review; it is not legal advice.", "本清单用于辅助自查，不构成法律意见。"},
}

func label(key, lang string) string { return exportLabels[key].In(lang) }
