// The gateway's alerts come from Go in English, in a few fixed forms (see
// backend/gateway: alerts.go, callguard.go, failover.go, headroom.go). Each
// known form has a text in every language, with the names and numbers taken
// from Go's message; a message in no known form is shown as it came.
import type { MessageKey } from '../../i18n/index.svelte';
import type { Params } from '../../i18n/format';

/** Codes OpenAI gives an account in trouble, and their texts. */
const ACCOUNT_CODES: Record<string, MessageKey> = {
  account_deactivated: 'gateway.err.accountDeactivated',
  insufficient_quota: 'gateway.err.insufficientQuota',
  unsupported_country_region_territory: 'gateway.err.unsupportedCountryRegionTerritory',
};

const accountCode = (code: string): MessageKey | null => (Object.hasOwn(ACCOUNT_CODES, code) ? (ACCOUNT_CODES[code] ?? null) : null);

type Form = [RegExp, (m: RegExpExecArray) => [MessageKey, Params] | null];

const FORMS: Form[] = [
  [/^end user (.+) of (.+) is blocked after (\d+) flagged requests today$/, (m) => ['gateway.alertMsg.endUserBlocked', { subject: m[1] ?? '', member: m[2] ?? '', count: Number(m[3]) }]],
  [/^moderation flagged an answer \((.*)\)$/, (m) => ['gateway.alertMsg.outputFlagged', { categories: m[1] ?? '' }]],
  [
    /^key (\S+) has ([\d.]+)% of its rate limit left for (.+) \(requests (\d+)\/(\d+), tokens (\d+)\/(\d+)\)$/,
    (m) => ['gateway.alertMsg.lowHeadroom', { key: m[1] ?? '', percent: m[2] ?? '', model: m[3] ?? '', req: m[4] ?? '', reqLimit: m[5] ?? '', tok: m[6] ?? '', tokLimit: m[7] ?? '' }],
  ],
  [/^the team key was refused \(401 (.*)\)$/, (m) => ['gateway.alertMsg.teamKeyRefused', { code: m[1] ?? '' }]],
  [/^answered 401 (.+): the team key was refused$/, (m) => ['gateway.alertMsg.teamKeyRefused', { code: m[1] ?? '' }]],
  [/^refused on policy grounds \((.*)\)$/, (m) => ['gateway.alertMsg.policyRefused', { code: m[1] ?? '' }]],
  [/^its key could not be read: (.*)$/s, (m) => ['gateway.alertMsg.keyUnreadable', { detail: m[1] ?? '' }]],
  [
    /^answered (\d+) (\w+)$/,
    (m) => {
      const key = accountCode(m[2] ?? '');
      return key ? [key, {}] : null;
    },
  ],
  [
    /^(\w+)$/,
    (m) => {
      const key = accountCode(m[1] ?? '');
      return key ? [key, {}] : null;
    },
  ],
];

/** The message key and its parameters for one of Go's alert messages, or
 * null when the message is in no known form. */
export function alertMessage(message: string): [MessageKey, Params] | null {
  for (const [re, make] of FORMS) {
    const m = re.exec(message);
    if (m) return make(m);
  }
  return null;
}

/** An alert's message in the current language (translate is i18n's t()):
 * Go's English message when the language is English or the form unknown. */
export function alertText(message: string, lang: string, translate: (key: MessageKey, params?: Params) => string): string {
  if (lang === 'en') return message;
  const known = alertMessage(message);
  return known ? translate(known[0], known[1]) : message;
}
