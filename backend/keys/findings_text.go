package keys

import (
	"fmt"
	"strings"
)

// The words of each finding: a title, why it matters and what to do, in
// English and Simplified Chinese.

func sharedKeyText(members []string, redacted string) (title, why, fix Text) {
	en, zh := strings.Join(members, ", "), strings.Join(members, "、")
	title = Text{
		fmt.Sprintf("Key %s is shared by %s", redacted, en),
		fmt.Sprintf("密钥 %s 由 %s 共用", redacted, zh),
	}
	why = Text{
		"With a shared key nobody can tell who made a call, one person cannot be cut off without breaking everyone else, and sharing keys goes against OpenAI's terms, which can get API access suspended.",
		"共用密钥时，无法分辨是谁发起了调用，也无法在不影响他人的情况下单独停用某个人；而且共用密钥违反 OpenAI 的使用条款，可能导致 API 访问被暂停。",
	}
	fix = Text{
		fmt.Sprintf("Create a key of their own for each of %s at platform.openai.com/api-keys, add each here, then revoke %s there and in Steward.", en, redacted),
		fmt.Sprintf("在 platform.openai.com/api-keys 为 %s 各自创建专属密钥并在此登记，然后在平台和 Steward 中吊销 %s。", zh, redacted),
	}
	return title, why, fix
}

func memberWithoutKeyText(member string, onlyShared bool) (title, why, fix Text) {
	title = Text{fmt.Sprintf("%s has no key of their own", member), fmt.Sprintf("%s 没有自己的专属密钥", member)}
	if onlyShared {
		title = Text{fmt.Sprintf("%s only holds a shared key", member), fmt.Sprintf("%s 只持有共用密钥", member)}
	}
	why = Text{
		"A member without a key of their own ends up using someone else's, so the API calls they make cannot be told apart or stopped on their own.",
		"没有专属密钥的成员最终会使用别人的密钥，导致其 API 调用无法被区分，也无法被单独停用。",
	}
	fix = Text{
		fmt.Sprintf("Create a project key for %s at platform.openai.com/api-keys and add it here; if %s no longer needs API access, remove them from the register.", member, member),
		fmt.Sprintf("在 platform.openai.com/api-keys 为 %s 创建项目密钥并在此登记；如果 %s 不再需要 API 访问，请将其从登记册中移除。", member, member),
	}
	return title, why, fix
}

func rotationOverdueText(k Key, days, policy int) (title, why, fix Text) {
	title = Text{
		fmt.Sprintf("Key %q (%s) is %d days old; %s keys are rotated every %d days", k.Label, k.Member, days, k.Environment, policy),
		fmt.Sprintf("密钥“%s”（%s）已使用 %d 天；%s 环境的密钥应每 %d 天轮换一次", k.Label, k.Member, days, k.Environment, policy),
	}
	why = Text{
		"The longer a key stays in service, the longer a copy that leaked or was forgotten somewhere stays useful to whoever has it.",
		"密钥使用得越久，泄露或遗忘在某处的副本对持有者来说就越长时间有效。",
	}
	fix = Text{
		fmt.Sprintf("Create a new key at platform.openai.com/api-keys, paste it into Steward with Rotate on %q, update every place on its list, then revoke the old key on the platform.", k.Label),
		fmt.Sprintf("在 platform.openai.com/api-keys 创建新密钥，在 Steward 中对“%s”执行轮换并粘贴新密钥，逐一更新清单中的位置，然后在平台上吊销旧密钥。", k.Label),
	}
	return title, why, fix
}

func verifyFailedText(k Key) (title, why, fix Text) {
	title = Text{
		fmt.Sprintf("Key %q (%s) failed its last check: %s", k.Label, k.Member, k.VerifyResult),
		fmt.Sprintf("密钥“%s”（%s）最近一次验证未通过：%s", k.Label, k.Member, k.VerifyResult),
	}
	why = Text{
		"OpenAI no longer accepts this key. Whatever still uses it is failing, and a key revoked outside the team's routine may mean someone acted on a leak without telling the register.",
		"OpenAI 已不再接受这把密钥。仍在使用它的地方都会出错；而在团队流程之外被吊销的密钥，可能意味着有人因泄露而处理了它却没有更新登记册。",
	}
	fix = Text{
		fmt.Sprintf("Find out why with %s, then rotate %q to a working key or revoke it in Steward.", k.Member, k.Label),
		fmt.Sprintf("与 %s 确认原因，然后将“%s”轮换为可用的密钥，或在 Steward 中将其吊销。", k.Member, k.Label),
	}
	return title, why, fix
}

func notVerifiedText(k Key) (title, why, fix Text) {
	title = Text{
		fmt.Sprintf("Key %q (%s) has not been verified for %d days", k.Label, k.Member, VerifyEveryDays),
		fmt.Sprintf("密钥“%s”（%s）已超过 %d 天未验证", k.Label, k.Member, VerifyEveryDays),
	}
	why = Text{
		"A register is only evidence while it matches reality; an unchecked key may have been revoked, or may still work long after everyone thinks it was retired.",
		"登记册只有与实际情况一致时才能作为证据；长期未验证的密钥可能早已被吊销，也可能在大家以为已停用之后仍然有效。",
	}
	fix = Text{
		fmt.Sprintf("Verify %q in Steward's Keys screen (or `steward keys verify`).", k.Label),
		fmt.Sprintf("在 Steward 的“密钥”页面（或使用 `steward keys verify`）验证“%s”。", k.Label),
	}
	return title, why, fix
}

func adminKeyText(k Key) (title, why, fix Text) {
	title = Text{
		fmt.Sprintf("Admin key %q (%s) is stored on this machine", k.Label, k.Member),
		fmt.Sprintf("管理员密钥“%s”（%s）保存在这台电脑上", k.Label, k.Member),
	}
	why = Text{
		"An admin key can create and delete keys, projects and members across the whole organisation; stolen from a laptop, it amounts to losing the account.",
		"管理员密钥可以在整个组织内创建和删除密钥、项目和成员；一旦从笔记本电脑上被盗，相当于整个账号失守。",
	}
	fix = Text{
		fmt.Sprintf("Keep admin keys in a secrets manager on a server that needs them, use project keys on personal machines, and revoke %q here once it is moved.", k.Label),
		fmt.Sprintf("将管理员密钥保存在确实需要它的服务器的密钥管理服务中，个人电脑上只使用项目密钥；迁移完成后在此吊销“%s”。", k.Label),
	}
	return title, why, fix
}

func leakedText(k Key, where string) (title, why, fix Text) {
	title = Text{
		fmt.Sprintf("Key %q (%s) was found by the leak scan in %s", k.Label, k.Member, where),
		fmt.Sprintf("泄露扫描在 %s 中发现了密钥“%s”（%s）", where, k.Label, k.Member),
	}
	why = Text{
		"A leaked key is found by automated scanners and abused quickly; the charges and any policy violations land on your account.",
		"泄露的密钥会被自动化扫描工具迅速发现并盗用，产生的费用和任何违规行为都会记在你的账号上。",
	}
	fix = Text{
		fmt.Sprintf("Revoke the key at platform.openai.com/api-keys now, rotate %q in Steward, remove the key from %s and its history, and check usage for calls you do not recognise.", k.Label, where),
		fmt.Sprintf("立即在 platform.openai.com/api-keys 吊销该密钥，在 Steward 中轮换“%s”，从 %s 及其历史记录中删除密钥，并检查用量中是否有无法识别的调用。", k.Label, where),
	}
	if !k.Current() {
		fix = Text{
			fmt.Sprintf("Make sure the key is revoked at platform.openai.com/api-keys (Steward only retired its copy), remove it from %s and its history, and check usage for calls you do not recognise.", where),
			fmt.Sprintf("确认该密钥已在 platform.openai.com/api-keys 吊销（Steward 只是停用了本地副本），从 %s 及其历史记录中删除它，并检查用量中是否有无法识别的调用。", where),
		}
	}
	return title, why, fix
}
