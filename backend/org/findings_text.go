package org

import (
	"fmt"
	"time"

	"steward/backend/keys"
)

// The words of each organization finding: a title, why it matters and
// what to do, in English and Simplified Chinese.

func unregisteredText(k OrgKey) (title, why, fix keys.Text) {
	title = keys.Text{
		En: fmt.Sprintf("Key %s (%q) in project %s has no record in Steward", k.Redacted, k.Name, k.Project),
		Zh: fmt.Sprintf("项目 %s 中的密钥 %s（“%s”）在 Steward 中没有记录", k.Project, k.Redacted, k.Name),
	}
	why = keys.Text{
		En: "A live key nobody registered is a key nobody rotates, checks or revokes when its holder leaves; it may also be a copy someone made to share.",
		Zh: "无人登记的有效密钥，没有人会去轮换、检查，持有人离开时也没人吊销；它也可能是有人为共用而创建的副本。",
	}
	fix = keys.Text{
		En: fmt.Sprintf("Ask %s what it is for. If it is needed, add it to Steward (steward keys add); if not, revoke it: steward org revoke --key-id %s --project %s.", owner(k), k.ID, k.ProjectID),
		Zh: fmt.Sprintf("询问 %s 它的用途。如仍需要，请登记到 Steward（steward keys add）；否则请吊销：steward org revoke --key-id %s --project %s。", owner(k), k.ID, k.ProjectID),
	}
	return title, why, fix
}

func staleText(now time.Time, k OrgKey) (title, why, fix keys.Text) {
	last, lastZh := "never used", "从未使用"
	days := int(now.Sub(k.CreatedAt).Hours() / 24)
	if k.LastUsedAt != nil {
		days = int(now.Sub(*k.LastUsedAt).Hours() / 24)
		last = "last used " + k.LastUsedAt.Format(time.DateOnly)
		lastZh = "最后使用于 " + k.LastUsedAt.Format(time.DateOnly)
	}
	title = keys.Text{
		En: fmt.Sprintf("Key %s (%q, project %s) has not been used for %d days (%s)", k.Redacted, k.Name, k.Project, days, last),
		Zh: fmt.Sprintf("密钥 %s（“%s”，项目 %s）已 %d 天未使用（%s）", k.Redacted, k.Name, k.Project, days, lastZh),
	}
	why = keys.Text{
		En: fmt.Sprintf("A key unused for %d days is not needed for anything running, but stays valid for anyone who has a copy.", StaleDays),
		Zh: fmt.Sprintf("超过 %d 天未使用的密钥已不为任何运行中的服务所需，却对任何持有副本的人依然有效。", StaleDays),
	}
	fix = keys.Text{
		En: fmt.Sprintf("Confirm with %s that nothing needs it, then revoke it: steward org revoke --key-id %s --project %s.", owner(k), k.ID, k.ProjectID),
		Zh: fmt.Sprintf("与 %s 确认已无用途后将其吊销：steward org revoke --key-id %s --project %s。", owner(k), k.ID, k.ProjectID),
	}
	return title, why, fix
}

func ownerLeftText(k OrgKey) (title, why, fix keys.Text) {
	who := firstOf(k.OwnerEmail, k.OwnerName, k.OwnerID)
	title = keys.Text{
		En: fmt.Sprintf("Key %s (%q, project %s) belongs to %s, who is no longer in the organization", k.Redacted, k.Name, k.Project, who),
		Zh: fmt.Sprintf("密钥 %s（“%s”，项目 %s）属于已不在组织中的 %s", k.Redacted, k.Name, k.Project, who),
	}
	why = keys.Text{
		En: "Someone who left can still call the API with a key they kept, and their calls are billed to the organization.",
		Zh: "离开的人仍可用留存的密钥调用 API，费用记在组织账上。",
	}
	fix = keys.Text{
		En: fmt.Sprintf("Move whatever uses it to a key of a current member, then revoke it: steward org revoke --key-id %s --project %s.", k.ID, k.ProjectID),
		Zh: fmt.Sprintf("将使用它的服务改用现有成员的密钥，然后吊销它：steward org revoke --key-id %s --project %s。", k.ID, k.ProjectID),
	}
	return title, why, fix
}

func ambiguousText(label string, candidates []string) (title, why, fix keys.Text) {
	list := fmt.Sprint(candidates)
	title = keys.Text{
		En: fmt.Sprintf("Key %q could be any of %d keys in the organization: %s", label, len(candidates), list),
		Zh: fmt.Sprintf("密钥“%s”可能对应组织中的 %d 把密钥：%s", label, len(candidates), list),
	}
	why = keys.Text{
		En: "The API shows only a few characters of each key, and more than one agrees with this one, so Steward cannot tell which it is and cannot revoke or check it in OpenAI.",
		Zh: "API 只显示每把密钥的少数字符，且有多把与之相符，Steward 无法确定是哪一把，也就无法在 OpenAI 中检查或吊销它。",
	}
	fix = keys.Text{
		En: "Look the key up on platform.openai.com/api-keys (its name and creation date) and pick the right one on the Organization screen.",
		Zh: "在 platform.openai.com/api-keys 查看该密钥（名称和创建日期），然后在“组织”页面选择正确的一把。",
	}
	return title, why, fix
}

func userWithoutKeyTitle(name, email string) keys.Text {
	return keys.Text{
		En: fmt.Sprintf("%s (%s) is in the organization but owns no API key", name, email),
		Zh: fmt.Sprintf("%s（%s）在组织中，但没有任何 API 密钥", name, email),
	}
}

func userWithoutKeyText(name string) (why, fix keys.Text) {
	why = keys.Text{
		En: "A member who builds with the API but has no key of their own is using someone else's, so their calls cannot be told apart or stopped on their own.",
		Zh: "使用 API 开发却没有自己密钥的成员，往往在用别人的密钥，其调用无法区分，也无法单独停用。",
	}
	fix = keys.Text{
		En: fmt.Sprintf("If %s calls the API, create a project key for them and add it to Steward; if they only need the dashboard, no action is needed, and if they left, remove them from the organization.", name),
		Zh: fmt.Sprintf("如果 %s 调用 API，请为其创建项目密钥并登记到 Steward；如果只需查看控制台则无需处理；如果已离开，请将其移出组织。", name),
	}
	return why, fix
}

func otherAdminText(a AdminKey) (title, why, fix keys.Text) {
	title = keys.Text{
		En: fmt.Sprintf("Admin key %s (%q, owner %s) is not the one Steward uses", a.Redacted, a.Name, a.OwnerName),
		Zh: fmt.Sprintf("管理员密钥 %s（“%s”，所有者 %s）不是 Steward 使用的那把", a.Redacted, a.Name, a.OwnerName),
	}
	why = keys.Text{
		En: "An admin key can create and delete keys, invite people and change every project; each extra one is a way to take over the organization if it leaks.",
		Zh: "管理员密钥可以创建和删除密钥、邀请成员、修改所有项目；每多一把，泄露时就多一条接管组织的途径。",
	}
	fix = keys.Text{
		En: "Find out who uses it and why. Delete it at platform.openai.com/settings/organization/admin-keys if nothing needs it; keep any that must stay off personal machines.",
		Zh: "查明由谁、为何使用。如无必要，请在 platform.openai.com/settings/organization/admin-keys 删除；必须保留的也不要放在个人电脑上。",
	}
	return title, why, fix
}

func createdOutsideText(k OrgKey, e AuditEvent) (title, why, fix keys.Text) {
	by := firstOf(e.Actor, "someone")
	title = keys.Text{
		En: fmt.Sprintf("Key %s (%q, project %s) was created by %s on %s outside Steward", k.Redacted, k.Name, k.Project, by, e.EffectiveAt.Format(time.DateOnly)),
		Zh: fmt.Sprintf("密钥 %s（“%s”，项目 %s）由 %s 于 %s 在 Steward 之外创建", k.Redacted, k.Name, k.Project, by, e.EffectiveAt.Format(time.DateOnly)),
	}
	why = keys.Text{
		En: "The audit log shows a key was made that the register does not know about, so the team's key rules (one per member, rotation, revocation) do not reach it.",
		Zh: "审计日志显示有密钥被创建，但登记册并不知道它，团队的密钥规则（一人一钥、轮换、吊销）都管不到它。",
	}
	fix = keys.Text{
		En: fmt.Sprintf("Ask %s to add it to Steward (steward keys add), or revoke it: steward org revoke --key-id %s --project %s.", by, k.ID, k.ProjectID),
		Zh: fmt.Sprintf("请 %s 将其登记到 Steward（steward keys add），或将其吊销：steward org revoke --key-id %s --project %s。", by, k.ID, k.ProjectID),
	}
	return title, why, fix
}

func auditOffText() (title, why, fix keys.Text) {
	title = keys.Text{En: "The organization keeps no audit log", Zh: "该组织未开启审计日志"}
	why = keys.Text{
		En: "Without the audit log nobody can show who created or deleted keys, invited people or changed limits, and keys made outside Steward go unnoticed.",
		Zh: "没有审计日志，就无法说明谁创建或删除了密钥、邀请了成员或修改了限额，在 Steward 之外创建的密钥也不会被发现。",
	}
	fix = keys.Text{En: auditOnText.En, Zh: auditOnText.Zh}
	return title, why, fix
}

func sharedUseText(name, membersEn, membersZh string) (title, why, fix keys.Text) {
	title = keys.Text{
		En: fmt.Sprintf("Key %s is used by several members: %s", name, membersEn),
		Zh: fmt.Sprintf("密钥 %s 被多位成员使用：%s", name, membersZh),
	}
	why = keys.Text{
		En: "The usage log shows calls from more than one member with this key: nobody can tell whose calls are whose, one person cannot be cut off alone, and sharing keys goes against OpenAI's terms.",
		Zh: "用量日志显示多位成员使用这把密钥调用：无法区分各自的调用，无法单独停用某人，而且共用密钥违反 OpenAI 的条款。",
	}
	fix = keys.Text{
		En: fmt.Sprintf("Give each of %s a key of their own (or a gateway member token), then revoke the shared key.", membersEn),
		Zh: fmt.Sprintf("为 %s 各自创建专属密钥（或网关成员令牌），然后吊销共用的密钥。", membersZh),
	}
	return title, why, fix
}
