package usage

import (
	"fmt"
	"strings"

	"steward/backend/apperr"
)

// Error codes for usage conditions users can act on.
const (
	CodeQueryInvalid     apperr.Code = "usage_query_invalid"
	CodePolicyInvalid    apperr.Code = "usage_policy_invalid"
	CodePriceInvalid     apperr.Code = "usage_price_invalid"
	CodeMappingInvalid   apperr.Code = "usage_key_mapping_invalid"
	CodeAdminKeyRefused  apperr.Code = "usage_admin_key_refused"
	CodeReconcileFailed  apperr.Code = "usage_reconcile_failed"
	CodeReconcileMissing apperr.Code = "usage_reconcile_unavailable"
)

func errGrouping(op, by string) error {
	valid := strings.Join(Groupings(), ", ")
	return apperr.Text(CodeQueryInvalid, op,
		fmt.Sprintf("%q is not a grouping. Use one of: %s.", by, valid),
		fmt.Sprintf("“%s”不是有效的分组方式。可用：%s。", by, valid))
}

func errSource(op, source string) error {
	return apperr.Text(CodeQueryInvalid, op,
		fmt.Sprintf("%q is not a source. Use app, gateway, or leave it empty for both.", source),
		fmt.Sprintf("“%s”不是有效的来源。可用：app、gateway，留空表示全部。", source))
}

func errRange(op string) error {
	return apperr.Text(CodeQueryInvalid, op,
		"The start of the period must come before its end.",
		"时间段的开始必须早于结束。")
}

func errBucket(op, bucket string) error {
	return apperr.Text(CodeQueryInvalid, op,
		fmt.Sprintf("%q is not a bucket. Use day or hour.", bucket),
		fmt.Sprintf("“%s”不是有效的时间粒度。可用：day 或 hour。", bucket))
}

func errTooManyBuckets(op string, n, limit int) error {
	return apperr.Text(CodeQueryInvalid, op,
		fmt.Sprintf("That period has %d buckets; at most %d fit in one chart. Pick a shorter period or a day bucket.", n, limit),
		fmt.Sprintf("该时间段包含 %d 个时间桶，一张图最多 %d 个。请缩短时间段或按天统计。", n, limit))
}

func errPolicy(op, en, zh string) error {
	return apperr.Text(CodePolicyInvalid, op, en, zh)
}

func errPrice(op, en, zh string) error {
	return apperr.Text(CodePriceInvalid, op, en, zh)
}

func errMapping(op, en, zh string) error {
	return apperr.Text(CodeMappingInvalid, op, en, zh)
}

func errAdminKeyRefused(op string, status int) error {
	return apperr.Text(CodeAdminKeyRefused, op,
		fmt.Sprintf("The usage API refused the key (HTTP %d). Reconciliation needs an organization admin key (sk-admin-…) with usage read access.", status),
		fmt.Sprintf("用量 API 拒绝了该密钥（HTTP %d）。对账需要具有用量读取权限的组织管理员密钥（sk-admin-…）。", status))
}

func errReconcile(op string, cause error) error {
	e := apperr.Text(CodeReconcileFailed, op,
		"Reading organization usage failed: "+cause.Error(),
		"读取组织用量失败："+cause.Error())
	e.Err = cause
	return e
}

func errReconcileUnavailable(op string) error {
	return apperr.Text(CodeReconcileMissing, op,
		"Reconciliation is not set up: add an admin key first.",
		"尚未配置对账：请先添加管理员密钥。")
}
