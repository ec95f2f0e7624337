import { describe, expect, it } from 'vitest';
import { emptyPrivacyAnswers, type PrivacySuggestion } from '../../api';
import {
  applyAccepted,
  isApplied,
  loadDismissed,
  pendingSuggestions,
  replacesAnswer,
  saveDismissed,
  suggestionKey,
  suggestionTarget,
} from './suggestions';

const sg = (field: string, value: unknown): PrivacySuggestion => ({ field, value, source: { en: 's', 'zh-CN': 's' } });
const disclosure = { en: 'You are chatting with an AI.', 'zh-CN': '您正在与人工智能对话。' };
const openai = { name: 'OpenAI', role: 'processor', location: { en: 'United States', 'zh-CN': '美国' }, receives_prompts: true };

describe('suggestions', () => {
  it('are applied when the answers already say the same', () => {
    const a = emptyPrivacyAnswers();
    expect(isApplied(a, sg('users.regions', 'eu'))).toBe(false);
    a.users.regions = ['eu'];
    expect(isApplied(a, sg('users.regions', 'eu'))).toBe(true);
    expect(isApplied(a, sg('users.regions', ['eu', 'china']))).toBe(false);
    expect(isApplied(a, sg('ai.prompt_logging', false))).toBe(false);
    a.ai.prompt_logging = false;
    expect(isApplied(a, sg('ai.prompt_logging', false))).toBe(true);
    expect(isApplied(a, sg('ai.disclosure', disclosure))).toBe(false);
    a.ai.disclosure = { ...disclosure, en: ` ${disclosure.en} ` };
    expect(isApplied(a, sg('ai.disclosure', disclosure))).toBe(true);
    expect(isApplied(a, sg('recipients', openai))).toBe(false);
    a.recipients = [{ name: 'openai', role: '', purpose: disclosure, location: disclosure, contact: '', receives_prompts: false, prompts_from: [], categories: [], method: disclosure, separate_consent: null }];
    expect(isApplied(a, sg('recipients', openai))).toBe(true);
    expect(isApplied(a, sg('ai.prompt_log_days', 30))).toBe(false);
  });

  it('say when they would replace what the user wrote', () => {
    const a = emptyPrivacyAnswers();
    expect(replacesAnswer(a, sg('ai.disclosure', disclosure))).toBe(false);
    a.ai.disclosure = { en: 'Our own words', 'zh-CN': '' };
    expect(replacesAnswer(a, sg('ai.disclosure', disclosure))).toBe(true);
    expect(replacesAnswer(a, sg('ai.prompt_logging', true))).toBe(false);
    a.ai.prompt_logging = false;
    expect(replacesAnswer(a, sg('ai.prompt_logging', true))).toBe(true);
    expect(replacesAnswer(a, sg('users.regions', 'eu'))).toBe(false);
  });

  it('leave out the applied and the dismissed', () => {
    const a = emptyPrivacyAnswers();
    a.users.regions = ['eu'];
    const all = [sg('users.regions', 'eu'), sg('users.regions', 'china'), sg('ai.disclosure', disclosure)];
    const dismissed = new Set([suggestionKey(all[2]!)]);
    expect(pendingSuggestions(all, a, dismissed).map((s) => s.value)).toEqual(['china']);
  });

  it('have a key made of field and value', () => {
    expect(suggestionKey(sg('users.regions', 'eu'))).toBe('users.regions="eu"');
    expect(suggestionKey(sg('x', undefined))).toBe('x=null');
  });

  it('bring in only the accepted field, merging lists', () => {
    const local = emptyPrivacyAnswers();
    local.organisation.email = 'typing@'; // refused and not saved: must survive
    local.users.regions = ['uk'];
    const saved = emptyPrivacyAnswers();
    saved.users.regions = ['eu', 'china'];
    saved.ai.disclosure = disclosure;
    saved.recipients = [{ name: 'OpenAI', role: 'processor', purpose: disclosure, location: disclosure, contact: '', receives_prompts: true, prompts_from: [], categories: [], method: disclosure, separate_consent: null }];
    applyAccepted(local, saved, 'users.regions');
    expect(local.users.regions).toEqual(['uk', 'eu', 'china']);
    applyAccepted(local, saved, 'ai.disclosure');
    expect(local.ai.disclosure).toEqual(disclosure);
    expect(local.ai.disclosure).not.toBe(saved.ai.disclosure);
    applyAccepted(local, saved, 'recipients');
    applyAccepted(local, saved, 'recipients');
    expect(local.recipients.map((r) => r.name)).toEqual(['OpenAI']);
    expect(local.organisation.email).toBe('typing@');
  });

  it('point at the question their value lands in', () => {
    expect(suggestionTarget('users.regions')).toEqual({ section: 'regions', question: 'users.regions' });
    expect(suggestionTarget('recipients')).toEqual({ section: 'ai', question: 'recipients' });
    expect(suggestionTarget('ai.prompt_log_days')).toEqual({ section: 'ai', question: 'ai' });
    expect(suggestionTarget('children.parental_consent')).toEqual({ section: 'other', question: 'children' });
  });

  it('remember dismissals, and survive broken storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveDismissed(new Set(['a', 'b']), storage);
    expect([...loadDismissed(storage)]).toEqual(['a', 'b']);
    store.set('steward.privacy.dismissed', '{not json');
    expect(loadDismissed(storage).size).toBe(0);
    expect(loadDismissed(null).size).toBe(0);
    const throwing = {
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => saveDismissed(new Set(['a']), throwing)).not.toThrow();
  });
});
