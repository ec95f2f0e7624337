import { describe, expect, it } from 'vitest';
import {
  fmtAxis,
  fmtCompact,
  fmtDate,
  fmtDateTime,
  fmtDay,
  fmtDayLong,
  fmtDayShort,
  fmtDateTimeUTC,
  fmtHour,
  fmtInt,
  fmtPercent,
  fmtPrice,
  fmtUSD,
  fmtUSDAxis,
  fmtTime,
  shortFingerprint,
} from './format';

describe('numbers', () => {
  it('group thousands in both languages', () => {
    expect(fmtInt(1234567, 'en')).toBe('1,234,567');
    expect(fmtInt(1234567, 'zh-CN')).toBe('1,234,567');
    expect(fmtInt(2.6, 'en')).toBe('3');
    expect(fmtInt(Number.NaN, 'en')).toBe('0');
  });

  it('shorten large counts the way each language does', () => {
    expect(fmtCompact(9999, 'en')).toBe('9,999');
    expect(fmtCompact(12_345, 'en')).toBe('12.3K');
    expect(fmtCompact(3_400_000, 'en')).toBe('3.4M');
    expect(fmtCompact(12_345, 'zh-CN')).toBe('1.2万');
    expect(fmtCompact(340_000_000, 'zh-CN')).toBe('3.4亿');
  });

  it('keep axis labels short', () => {
    expect(fmtAxis(900, 'en')).toBe('900');
    expect(fmtAxis(1500, 'en')).toBe('1.5K');
    expect(fmtAxis(0.25, 'en')).toBe('0.25');
    expect(fmtAxis(2_000_000, 'zh-CN')).toBe('200万');
  });

  it('show percentages', () => {
    expect(fmtPercent(0.123, 'en')).toBe('12%');
    expect(fmtPercent(0.0456, 'en')).toBe('4.6%');
    expect(fmtPercent(0, 'zh-CN')).toBe('0%');
    expect(fmtPercent(1, 'zh-CN')).toBe('100%');
  });
});

describe('money', () => {
  it('shows US dollars with a plain $ in both languages', () => {
    expect(fmtUSD(1234.5, 'en')).toBe('$1,234.50');
    expect(fmtUSD(1234.5, 'zh-CN')).toBe('$1,234.50');
    expect(fmtUSD(0, 'en')).toBe('$0.00');
    expect(fmtUSD(12, 'zh-CN')).toBe('$12.00');
  });

  it('shows costs under a cent as "< $0.01", then cents', () => {
    expect(fmtUSD(0.0042, 'en')).toBe('< $0.01');
    expect(fmtUSD(0.000006, 'zh-CN')).toBe('< $0.01');
    expect(fmtUSD(-0.000006, 'en')).toBe('> -$0.01');
    expect(fmtUSD(0.006, 'en')).toBe('$0.01');
    expect(fmtUSD(0.01, 'en')).toBe('$0.01');
    expect(fmtUSD(0.123, 'en')).toBe('$0.12');
  });

  it('formats axis dollars and prices per million tokens', () => {
    expect(fmtUSDAxis(0.25, 'en')).toBe('$0.25');
    expect(fmtUSDAxis(12, 'en')).toBe('$12');
    expect(fmtUSDAxis(1500, 'en')).toBe('$1.5K');
    expect(fmtPrice(2.5, 'en')).toBe('$2.50');
    expect(fmtPrice(0.075, 'zh-CN')).toBe('$0.075');
    expect(fmtPrice(0.005, 'en')).toBe('$0.005');
  });
});

describe('dates (UTC)', () => {
  it('formats days in each language', () => {
    expect(fmtDayShort('2026-03-12T00:00:00Z', 'en')).toBe('Mar 12');
    expect(fmtDayShort('2026-03-12T00:00:00Z', 'zh-CN')).toBe('3月12日');
    expect(fmtDay('2026-03-12', 'en')).toBe('Mar 12, 2026');
    expect(fmtDay('2026-03-12', 'zh-CN')).toBe('2026年3月12日');
    expect(fmtDayLong('2026-03-12T00:00:00Z', 'en')).toBe('Thu, Mar 12, 2026');
    expect(fmtDayLong('2026-03-12T00:00:00Z', 'zh-CN')).toBe('2026年3月12日周四');
  });

  it('uses UTC whatever the computer’s zone', () => {
    // 01:00 in UTC+8 is still the previous UTC day.
    expect(fmtDayShort('2026-03-13T01:00:00+08:00', 'en')).toBe('Mar 12');
    expect(fmtHour('2026-03-12T14:00:00Z', 'en')).toBe('14:00');
    expect(fmtDateTimeUTC('2026-03-12T14:05:00Z', 'en')).toBe('Mar 12, 2026, 14:05 UTC');
  });

  it('shows what it can’t parse as it is', () => {
    expect(fmtDay('', 'en')).toBe('');
    expect(fmtDay('soon', 'en')).toBe('soon');
    expect(fmtDateTimeUTC('soon', 'en')).toBe('soon');
  });

  it('shows moments in the given zone and the language’s clock', () => {
    expect(fmtDateTime('2026-03-12T14:05:00Z', 'en', 'UTC')).toBe('Mar 12, 2026, 2:05 PM');
    expect(fmtDateTime('2026-03-12T14:05:00Z', 'zh-CN', 'UTC')).toBe('2026年3月12日 14:05');
    expect(fmtDateTime('2026-03-12T14:05:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月12日 22:05');
    expect(fmtTime('2026-03-12T14:05:07Z', 'zh-CN', 'UTC')).toBe('14:05:07');
    expect(fmtDate('2026-03-12', 'en')).toBe('Mar 12, 2026');
    expect(fmtDateTime('soon', 'en')).toBe('soon');
  });

  it('shortens fingerprints', () => {
    expect(shortFingerprint('a'.repeat(64))).toBe('aaaaaaaa…');
    expect(shortFingerprint('abc')).toBe('abc');
  });
});
