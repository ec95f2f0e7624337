package moderation

import (
	"fmt"

	"steward/backend/apperr"
)

// Error codes for moderation conditions users can act on.
const (
	CodeSuiteUnknown  apperr.Code = "moderation_suite_unknown"
	CodeSuiteExists   apperr.Code = "moderation_suite_exists"
	CodeNameRequired  apperr.Code = "moderation_name_required"
	CodeItemUnknown   apperr.Code = "moderation_item_unknown"
	CodeItemEmpty     apperr.Code = "moderation_item_empty"
	CodeLabelUnknown  apperr.Code = "moderation_label_unknown"
	CodeImageInvalid  apperr.Code = "moderation_image_invalid"
	CodeImportInvalid apperr.Code = "moderation_import_invalid"
	CodeRunUnknown    apperr.Code = "moderation_run_unknown"
	CodeRunActive     apperr.Code = "moderation_run_active"
	CodeRunNotActive  apperr.Code = "moderation_run_not_active"
	CodeSuiteEmpty    apperr.Code = "moderation_suite_empty"
	CodeThreshold     apperr.Code = "moderation_threshold_invalid"
	CodeCompareSuites apperr.Code = "moderation_compare_suites"
)

func errSuiteUnknown(op string, id int64) error {
	return apperr.Text(CodeSuiteUnknown, op,
		fmt.Sprintf("There is no moderation suite with id %d.", id),
		fmt.Sprintf("不存在编号为 %d 的审核测试集。", id))
}

func errSuiteNamed(op, name string) error {
	return apperr.Text(CodeSuiteUnknown, op,
		fmt.Sprintf("There is no moderation suite named %q.", name),
		fmt.Sprintf("不存在名为“%s”的审核测试集。", name))
}

func errSuiteExists(op, name string) error {
	return apperr.Text(CodeSuiteExists, op,
		fmt.Sprintf("A moderation suite named %q already exists.", name),
		fmt.Sprintf("名为“%s”的审核测试集已存在。", name))
}

func errNameRequired(op string) error {
	return apperr.Text(CodeNameRequired, op, "Give the suite a name.", "请为测试集命名。")
}

func errItemUnknown(op string, id int64) error {
	return apperr.Text(CodeItemUnknown, op,
		fmt.Sprintf("There is no suite item with id %d.", id),
		fmt.Sprintf("不存在编号为 %d 的测试条目。", id))
}

func errItemEmpty(op string) error {
	return apperr.Text(CodeItemEmpty, op,
		"An item needs text, an image, or both.",
		"每个条目需要文本、图片或两者兼有。")
}

func errLabelUnknown(op, label string) error {
	return apperr.Text(CodeLabelUnknown, op,
		fmt.Sprintf("%q is not a moderation category.", label),
		fmt.Sprintf("“%s”不是审核类别。", label))
}

func errRunUnknown(op string, id int64) error {
	return apperr.Text(CodeRunUnknown, op,
		fmt.Sprintf("There is no moderation run with id %d.", id),
		fmt.Sprintf("不存在编号为 %d 的审核运行。", id))
}

func errSuiteEmpty(op, name string) error {
	return apperr.Text(CodeSuiteEmpty, op,
		fmt.Sprintf("The suite %q has no items to send.", name),
		fmt.Sprintf("测试集“%s”中没有可发送的条目。", name))
}

// importError is a file-level import failure: nothing was imported.
func importError(op, file, en, zh string) error {
	return apperr.Text(CodeImportInvalid, op,
		fmt.Sprintf("%s: %s Nothing was imported.", file, en),
		fmt.Sprintf("%s：%s 未导入任何内容。", file, zh))
}

func errRunActive(op string) error {
	return apperr.Text(CodeRunActive, op,
		"That run is being sent right now. Pause or cancel it first.",
		"该运行正在发送中。请先暂停或取消。")
}

func errRunNotActive(op string, id int64) error {
	return apperr.Text(CodeRunNotActive, op,
		fmt.Sprintf("Run %d is not being sent right now.", id),
		fmt.Sprintf("运行 %d 当前没有在发送。", id))
}
