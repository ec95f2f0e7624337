package apperr

// Code is a stable, machine-readable error kind shared by the GUI and CLI.
type Code string

// Error codes. Each has a message in both languages in messages below.
const (
	Internal         Code = "internal"
	Invalid          Code = "invalid"
	NotFound         Code = "not_found"
	Conflict         Code = "conflict"
	DataDirUnusable  Code = "data_dir_unusable"
	DatabaseCorrupt  Code = "database_corrupt"
	DiskFull         Code = "disk_full"
	DatabaseNewer    Code = "database_newer"
	WorkspaceUnknown Code = "workspace_unknown"
	WorkspaceExists  Code = "workspace_exists"
	NameRequired     Code = "name_required"
	ItemUnknown      Code = "item_unknown"
	StatusInvalid    Code = "status_invalid"
	ReasonRequired   Code = "reason_required"
	DateInvalid      Code = "date_invalid"
	EvidenceInvalid  Code = "evidence_invalid"
	EvidenceUnknown  Code = "evidence_unknown"
	FormatUnknown    Code = "format_unknown"
	LanguageUnknown  Code = "language_unknown"
	ImportMalformed  Code = "import_malformed"
	ExportFailed     Code = "export_failed"
	BackupFailed     Code = "backup_failed"
)

// ShowsCause reports whether the cause adds useful detail to the message.
func (c Code) ShowsCause() bool {
	switch c {
	case DataDirUnusable, DatabaseCorrupt, ExportFailed, BackupFailed, Internal:
		return true
	}
	return false
}

type message struct{ en, zh string }

// messages holds every code's text; {name} is replaced by the error's Args.
var messages = map[Code]message{
	Internal:         {"Something went wrong: {cause}", "出现了意外错误：{cause}"},
	Invalid:          {"{what} is not valid: {why}", "{what} 无效：{why}"},
	NotFound:         {"{what} was not found.", "找不到 {what}。"},
	Conflict:         {"{what} already exists.", "{what} 已存在。"},
	DataDirUnusable:  {"The data folder {path} cannot be used. Check that it exists and that you may write to it, or pick another with --data-dir.", "无法使用数据目录 {path}。请确认该目录存在且可写，或用 --data-dir 指定其他目录。"},
	DatabaseCorrupt:  {"{path} is not a readable Steward database (it is corrupt or not SQLite). It was left untouched: restore it from a backup, or move it aside to start afresh.", "{path} 不是可读的 Steward 数据库（已损坏或不是 SQLite 文件）。文件未被改动：请从备份恢复，或将其移走后重新开始。"},
	DiskFull:         {"The disk holding {path} is full. Free some space there: what was saved is intact, and Steward resumes writing once there is room.", "{path} 所在的磁盘已满。请释放一些空间：已保存的数据完好无损，空间足够后 Steward 会继续写入。"},
	DatabaseNewer:    {"{path} was written by a newer Steward (schema {found}; this version knows up to {known}). Update Steward; the file was left untouched.", "{path} 由更新版本的 Steward 写入（数据结构版本 {found}，本版本最高支持 {known}）。请升级 Steward；文件未被改动。"},
	WorkspaceUnknown: {"There is no workspace named \"{name}\".", "不存在名为“{name}”的工作区。"},
	WorkspaceExists:  {"A workspace named \"{name}\" already exists.", "名为“{name}”的工作区已存在。"},
	NameRequired:     {"Give the workspace a name.", "请为工作区命名。"},
	ItemUnknown:      {"There is no checklist item \"{id}\". Run \"steward checklist list\" to see the ids.", "不存在检查项“{id}”。运行 “steward checklist list” 可查看所有编号。"},
	StatusInvalid:    {"\"{status}\" is not a status. Use one of: {valid}.", "“{status}”不是有效状态。可用：{valid}。"},
	ReasonRequired:   {"Say why item {id} does not apply: \"not applicable\" needs a reason.", "请说明检查项 {id} 为何不适用：标记为“不适用”时必须填写理由。"},
	DateInvalid:      {"\"{date}\" is not a date. Use YYYY-MM-DD.", "“{date}”不是有效日期，请使用 YYYY-MM-DD 格式。"},
	EvidenceInvalid:  {"Evidence needs a kind (file, url or record) and a reference: {why}", "证据需要类型（文件、网址或记录）和引用：{why}"},
	EvidenceUnknown:  {"That evidence no longer exists.", "该证据已不存在。"},
	FormatUnknown:    {"\"{format}\" is not a format. Use one of: {valid}.", "“{format}”不是支持的格式。可用：{valid}。"},
	LanguageUnknown:  {"\"{lang}\" is not a language. Use en or zh-CN.", "“{lang}”不是支持的语言。可用：en 或 zh-CN。"},
	ImportMalformed:  {"{file}, line {line}: {why}. Nothing was imported.", "{file} 第 {line} 行：{why}。未导入任何内容。"},
	ExportFailed:     {"The export to {path} failed.", "导出到 {path} 失败。"},
	BackupFailed:     {"The backup to {path} failed.", "备份到 {path} 失败。"},
}
