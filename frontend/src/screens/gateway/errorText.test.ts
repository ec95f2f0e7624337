import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { errorKey, errorText } from './errorText';

describe('errorText', () => {
  const e = { type: 'model_not_allowed', message: 'The model gpt-4o is not allowed for Ana.' };

  it('keeps Go’s message in English', () => {
    expect(errorText(e, 'en')).toBe(e.message);
  });

  it('gives a known code its Chinese text', () => {
    const key = errorKey(e.type);
    expect(key).not.toBeNull();
    const zh = errorText(e, 'zh-CN');
    expect(zh).not.toBe(e.message);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows an unknown code’s message as it came', () => {
    expect(errorText({ type: 'server_error', message: 'boom' }, 'zh-CN')).toBe('boom');
    expect(errorKey('toString')).toBeNull();
  });

  it('has every known code in both languages', () => {
    for (const type of ['invalid_api_key', 'upstream_unreachable', 'insufficient_quota', 'output_moderation_blocked']) {
      const key = errorKey(type);
      expect(key && key in en && key in zhCN, type).toBe(true);
    }
  });
});
