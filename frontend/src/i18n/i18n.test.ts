import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { format } from './format';
import { locale, pick, pickSteps, setLocale, t, formatDate } from './index.svelte';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty values', () => {
    for (const [lang, messages] of Object.entries({ en, zhCN })) {
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(new Set(placeholders(zhCN[key])), key).toEqual(new Set(placeholders(en[key])));
    }
  });

  it('only use the plural separator together with a {count}', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      if (value.includes(' | ')) expect(value, key).toContain('{count}');
    }
  });
});

describe('format', () => {
  it('fills placeholders', () => {
    expect(format('Delete “{name}”?', { name: 'Bot' })).toBe('Delete “Bot”?');
    expect(format('{a} and {a} and {b}', { a: 1, b: 'x' })).toBe('1 and 1 and x');
  });

  it('leaves unknown placeholders visible', () => {
    expect(format('Hello {name}', {})).toBe('Hello {name}');
    expect(format('Hello {name}')).toBe('Hello {name}');
  });

  it('picks the singular or plural form by count', () => {
    const msg = '{count} item | {count} items';
    expect(format(msg, { count: 1 })).toBe('1 item');
    expect(format(msg, { count: 0 })).toBe('0 items');
    expect(format(msg, { count: 12 })).toBe('12 items');
  });

  it('uses a single form for every count when there is no separator', () => {
    expect(format('{count} 项', { count: 1 })).toBe('1 项');
    expect(format('{count} 项', { count: 3 })).toBe('3 项');
  });

  it('does not split on the separator without a numeric count', () => {
    expect(format('a | b')).toBe('a | b');
  });
});

describe('t and the current language', () => {
  it('follows the current language', async () => {
    setLocale('en');
    expect(t('nav.checklist')).toBe('Checklist');
    await setLocale('zh-CN');
    expect(locale.current).toBe('zh-CN');
    expect(t('nav.checklist')).toBe('合规清单');
    expect(t('progress.overdue', { count: 2 })).toBe('2 项逾期');
    setLocale('en');
    expect(t('wizard.result.na', { count: 1 })).toBe('1 item marked not applicable');
    expect(t('wizard.result.na', { count: 12 })).toBe('12 items marked not applicable');
  });

  it('picks catalogue texts by language, falling back to English', async () => {
    const text = { en: 'Hello', 'zh-CN': '你好' };
    await setLocale('zh-CN');
    expect(pick(text)).toBe('你好');
    expect(pick({ en: 'Only English', 'zh-CN': '' })).toBe('Only English');
    expect(pickSteps({ en: ['a'], 'zh-CN': [] })).toEqual(['a']);
    expect(pickSteps({ en: ['a'], 'zh-CN': ['甲'] })).toEqual(['甲']);
    setLocale('en');
    expect(pick(text)).toBe('Hello');
  });

  it('formats plain dates as calendar days and shows bad dates as they are', () => {
    setLocale('en');
    expect(formatDate('2026-03-01')).toContain('2026');
    expect(formatDate('2026-03-01')).toContain('Mar');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate('')).toBe('');
  });
});
