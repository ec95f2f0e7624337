import { describe, expect, it } from 'vitest';
import { PROFILE_FLAGS } from '../../../api/types';
import { en } from '../../../i18n/en';
import { FLAG_TEXT, WIZARD_STEPS, initialProfile } from './steps';
import { guessLang } from '../../../stores/settings.svelte';

describe('wizard steps', () => {
  it('ask every profile question exactly once', () => {
    const asked = WIZARD_STEPS.flatMap((s) => s.flags);
    expect([...asked].sort()).toEqual([...PROFILE_FLAGS].sort());
  });

  it('have texts for every question', () => {
    for (const f of PROFILE_FLAGS) {
      expect(en[FLAG_TEXT[f].label]).toBeTruthy();
      expect(en[FLAG_TEXT[f].hint]).toBeTruthy();
    }
  });

  it('start from the saved answers, or all "no"', () => {
    expect(Object.values(initialProfile(null)).every((v) => v === false)).toBe(true);
    const saved = { ...initialProfile(null), eu: true };
    const p = initialProfile(saved);
    expect(p.eu).toBe(true);
    expect(p).not.toBe(saved);
  });
});

describe('guessLang', () => {
  it('picks Chinese for any zh locale, English otherwise', () => {
    expect(guessLang(['zh-TW'])).toBe('zh-CN');
    expect(guessLang(['en-GB', 'zh-CN'])).toBe('zh-CN');
    expect(guessLang(['de-DE'])).toBe('en');
    expect(guessLang([])).toBe('en');
  });
});
