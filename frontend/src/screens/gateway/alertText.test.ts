import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { format, type Params } from '../../i18n/format';
import type { MessageKey } from '../../i18n/index.svelte';
import { alertMessage, alertText } from './alertText';

const zh = (key: MessageKey, params?: Params) => format(zhCN[key], params);
const english = (key: MessageKey, params?: Params) => format(en[key], params);

// The forms Go writes (backend/gateway), one of each.
const GO = [
  'end user u-12 of Ana is blocked after 3 flagged requests today',
  'moderation flagged an answer (violence, hate)',
  'key 3f9a0c1d2e4b has 8.5% of its rate limit left for gpt-4o (requests 9/100, tokens 900/10000)',
  'the team key was refused (401 invalid_api_key)',
  'answered 401 invalid_api_key: the team key was refused',
  'refused on policy grounds (content_policy_violation)',
  'its key could not be read: vault locked',
  'answered 429 insufficient_quota',
  'account_deactivated',
];

describe('alertText', () => {
  it('knows every form Go writes and gives it Chinese text with its names and numbers', () => {
    for (const m of GO) {
      expect(alertMessage(m), m).not.toBeNull();
      const out = alertText(m, 'zh-CN', zh);
      expect(out, m).toMatch(/[\u4e00-\u9fff]/);
      expect(out).not.toMatch(/\{\w+\}/);
    }
    expect(alertText(GO[2] ?? '', 'zh-CN', zh)).toContain('gpt-4o');
    expect(alertText(GO[2] ?? '', 'zh-CN', zh)).toContain('8.5%');
    expect(alertText(GO[0] ?? '', 'zh-CN', zh)).toContain('Ana');
  });

  it('keeps Go’s message in English, and the English text says the same', () => {
    for (const m of GO.slice(0, 4)) {
      expect(alertText(m, 'en', english)).toBe(m);
      const known = alertMessage(m);
      expect(known && english(known[0], known[1])).toBe(m);
    }
  });

  it('shows a message in no known form as it came', () => {
    expect(alertText('something new', 'zh-CN', zh)).toBe('something new');
    expect(alertText('answered 503 server_error', 'zh-CN', zh)).toBe('answered 503 server_error');
    expect(alertMessage('toString')).toBeNull();
  });
});
