import { beforeEach, describe, expect, it, vi } from 'vitest';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Privacy', () => ({
  Questions: vi.fn(),
  Regimes: vi.fn(),
  Answers: vi.fn(),
  SaveAnswers: vi.fn(),
  Check: vi.fn(),
  Preview: vi.fn(),
  Suggestions: vi.fn(),
  Accept: vi.fn(),
  SaveDraft: vi.fn(),
  Drafts: vi.fn(),
  Draft: vi.fn(),
  Compare: vi.fn(),
}));
vi.mock('./wailsjs/go/main/App', () => ({ ExportPrivacyDraft: vi.fn() }));

import * as Screen from './wailsjs/go/gui/Privacy';
import * as App from './wailsjs/go/main/App';
import * as p from './privacy';

beforeEach(() => vi.clearAllMocks());

// What Go sends for answers that were never saved: nulls and zero values.
const GO_EMPTY = {
  organisation: { name: '', address: '', email: '', phone: '', website: '', established_in: null },
  data_protection_officer: { appointed: null, name: '', email: '' },
  products: null,
  users: { regions: null },
  data_categories: null,
  purposes: null,
  ai: { models: null, prompt_log_days: 0, prompts_contain_personal_data: null },
  recipients: null,
  international_transfers: { abroad: null, transfers: null },
  rights: { offered: null, response_days: 0 },
  cookies: { analytics: null },
  security_measures: null,
};

describe('privacy decoding', () => {
  it('turns Go nulls into empty lists and unanswered questions into null', () => {
    const a = p.privacyAnswers(GO_EMPTY);
    expect(a.organisation.established_in).toEqual([]);
    expect(a.products).toEqual([]);
    expect(a.users.regions).toEqual([]);
    expect(a.data_categories).toEqual([]);
    expect(a.ai.models).toEqual([]);
    expect(a.ai.prompts_contain_personal_data).toBeNull();
    expect(a.data_protection_officer.appointed).toBeNull();
    expect(a.international_transfers.transfers).toEqual([]);
    expect(a.provision_requirement).toEqual({ en: '', 'zh-CN': '' });
    expect(a.policy_changes.effective_date).toBe('');
    expect(p.privacyAnswers(GO_EMPTY)).toEqual(p.emptyPrivacyAnswers());
    expect(p.privacyAnswers(null)).toEqual(p.emptyPrivacyAnswers());
  });

  it('keeps every answer of a filled questionnaire', () => {
    const a = p.privacyAnswers({
      organisation: { name: 'Lumen', email: 'privacy@lumen.example', established_in: ['eu', 'mars'] },
      data_protection_officer: { appointed: true, email: 'dpo@lumen.example' },
      users: { regions: ['eu', 'china'] },
      data_categories: [{ id: 'account', name: { en: 'Account', 'zh-CN': '账户' }, sensitive: true }],
      purposes: [{ purpose: 'Sync', categories: ['account'], legal_basis: 'contract' }, { legal_basis: 'magic' }],
      ai: { prompt_logging: false, prompt_log_days: 30.7, provider_trains_on_data: false },
      recipients: [{ name: 'OpenAI', role: 'processor', receives_prompts: true }],
      international_transfers: { abroad: true, transfers: [{ recipient: 'OpenAI', safeguards: ['scc', 'nope'], from: ['china'] }] },
      rights: { offered: ['access', 'deletion'], response_days: 30 },
      policy_changes: { effective_date: '2026-03-01' },
    });
    expect(a.organisation.established_in).toEqual(['eu']);
    expect(a.data_protection_officer.appointed).toBe(true);
    expect(a.users.regions).toEqual(['eu', 'china']);
    expect(a.data_categories[0]).toMatchObject({ id: 'account', name: { en: 'Account', 'zh-CN': '账户' }, sensitive: true, sold: false });
    expect(a.purposes[0]).toMatchObject({ purpose: { en: 'Sync', 'zh-CN': '' }, legal_basis: 'contract' });
    expect(a.purposes[1]!.legal_basis).toBe('');
    expect(a.ai.prompt_logging).toBe(false);
    expect(a.ai.prompt_log_days).toBe(30);
    expect(a.recipients[0]).toMatchObject({ name: 'OpenAI', role: 'processor', receives_prompts: true });
    expect(a.international_transfers.transfers[0]!.safeguards).toEqual(['scc']);
    expect(a.rights.offered).toEqual(['access', 'deletion']);
    expect(a.policy_changes.effective_date).toBe('2026-03-01');
  });

  it('decodes the check, counting what is missing when Go does not say', () => {
    const c = p.privacyCheck({
      regimes: [
        { name: 'general', elements: [{ id: 'a', title: { en: 'A', 'zh-CN': '甲' }, present: true, question: 'organisation' }, { id: 'b' }] },
        { name: 'gdpr', elements: null },
      ],
    });
    expect(c.missing).toBe(1);
    expect(c.regimes[1]!.elements).toEqual([]);
    expect(c.regimes[0]!.elements[1]).toEqual({ id: 'b', title: { en: '', 'zh-CN': '' }, present: false, question: '' });
    expect(p.privacyCheck({ regimes: null, missing: 7 })).toEqual({ regimes: [], missing: 7 });
  });

  it('decodes questions, regimes, suggestions, drafts and diffs', () => {
    expect(p.privacyQuestions([{ key: 'ai', text: { en: 'How?', 'zh-CN': '如何？' } }])).toEqual([
      { key: 'ai', text: { en: 'How?', 'zh-CN': '如何？' } },
    ]);
    expect(p.privacyRegimes(null)).toEqual([]);
    expect(p.privacySuggestions([{ field: 'users.regions', value: 'eu', source: { en: 'x' } }, { value: 1 }])).toEqual([
      { field: 'users.regions', value: 'eu', source: { en: 'x', 'zh-CN': '' } },
    ]);
    expect(p.privacyDraftSummaries([{ id: 2, created_at: '2026-03-01T10:00:00Z', lang: 'zh-CN', missing: 3 }, { id: 1, lang: 'fr' }])).toEqual([
      { id: 2, created_at: '2026-03-01T10:00:00Z', lang: 'zh-CN', missing: 3 },
      { id: 1, created_at: '', lang: 'en', missing: 0 },
    ]);
    const d = p.privacySavedDraft({ id: 4, lang: 'en', markdown: '# Hi', answers: null, check: { regimes: [], missing: 2 } });
    expect(d).toMatchObject({ id: 4, markdown: '# Hi', missing: 2 });
    expect(d.answers).toEqual(p.emptyPrivacyAnswers());
    expect(p.privacyDiff([{ op: 'added', text: 'a' }, { op: 'weird', text: 'b' }, { op: 'removed' }])).toEqual([
      { op: 'added', text: 'a' },
      { op: 'same', text: 'b' },
      { op: 'removed', text: '' },
    ]);
  });
});

describe('privacy encoding', () => {
  it('trims, rounds and leaves out blank rows of plain text lists', () => {
    const a = p.emptyPrivacyAnswers();
    a.organisation.email = '  privacy@lumen.example ';
    a.products = [{ en: ' Notes ', 'zh-CN': '' }, { en: ' ', 'zh-CN': '' }];
    a.security_measures = [{ en: '', 'zh-CN': '' }];
    a.ai.prompt_log_days = 12.6;
    a.rights.response_days = Number.NaN;
    a.ai.models = [' gpt-4o-mini ', ''];
    a.data_categories = [{ id: ' account ', name: { en: ' Account ', 'zh-CN': '' }, examples: { en: '', 'zh-CN': '' }, source: { en: '', 'zh-CN': '' }, retention: { en: '', 'zh-CN': '' }, sensitive: false, sold: false, shared: false, login_credentials: false, ccpa_category: '', special_category_condition: '', sensitive_necessity: { en: '', 'zh-CN': '' } }];
    const e = p.encodePrivacyAnswers(a);
    expect(e.organisation.email).toBe('privacy@lumen.example');
    expect(e.products).toEqual([{ en: 'Notes', 'zh-CN': '' }]);
    expect(e.security_measures).toEqual([]);
    expect(e.ai.prompt_log_days).toBe(13);
    expect(e.rights.response_days).toBe(0);
    expect(e.ai.models).toEqual(['gpt-4o-mini']);
    expect(e.data_categories[0]!.id).toBe('account');
    expect(e.data_categories[0]!.name.en).toBe('Account');
    expect(e.ai.prompts_contain_personal_data).toBeNull();
    expect(a.organisation.email).toBe('  privacy@lumen.example '); // the screen's answers stay as typed
  });
});

describe('privacy answers added by issue 17', () => {
  it('survive a load and a save, so answers imported from a file are not lost', () => {
    const go = {
      data_categories: [{ id: 'account', login_credentials: true, ccpa_category: 'identifiers', special_category_condition: 'explicit_consent', sensitive_necessity: { en: 'n', 'zh-CN': '必' } }],
      ai: { pii_screening: true, pii_screening_action: 'warn' },
      recipients: [{ name: 'OpenAI', prompts_from: ['eu', 'california'], categories: ['account'], method: { en: 'm' }, separate_consent: true }],
      international_transfers: { transfers: [{ recipient: 'OpenAI', safeguards: ['scc', 'uk_addendum', 'derogation'], adequacy_decision: false, derogation: { en: 'd' } }] },
      automated_decisions: { refuse_how: { en: 'r' } },
      children: { special_rules: { en: 's' } },
      california: { verification: { en: 'v' }, authorised_agent: { en: 'a' }, opt_out_signals: { en: 'o' }, online_only: true, toll_free_number: ' 800 ', collects_login_credentials: true, sale_recipients: { en: 'x' }, sale_purposes: { en: 'y' } },
      china: { protection_officer: { required: false }, third_party_sdks: { used: true, list: [{ name: 'Crashly', purpose: { en: 'crash' }, categories: ['account'] }] }, retention_end: { en: 'e' }, account_deletion: { en: 'c' } },
    };
    const e = p.encodePrivacyAnswers(p.privacyAnswers(go));
    expect(e.data_categories[0]).toMatchObject({ login_credentials: true, ccpa_category: 'identifiers', special_category_condition: 'explicit_consent' });
    expect(e.ai.pii_screening_action).toBe('warn');
    expect(e.recipients[0]).toMatchObject({ prompts_from: ['eu', 'california'], categories: ['account'], separate_consent: true });
    expect(e.international_transfers.transfers[0]).toMatchObject({ safeguards: ['scc', 'uk_addendum', 'derogation'], adequacy_decision: false });
    expect(e.international_transfers.transfers[0]?.derogation.en).toBe('d');
    expect(e.automated_decisions.refuse_how.en).toBe('r');
    expect(e.children.special_rules.en).toBe('s');
    expect(e.california).toMatchObject({ online_only: true, toll_free_number: '800', collects_login_credentials: true });
    expect(e.china.third_party_sdks.list[0]).toMatchObject({ name: 'Crashly', categories: ['account'] });
    expect(e.china.protection_officer.required).toBe(false);
    expect(e.china.account_deletion.en).toBe('c');
  });
});

describe('privacy facade', () => {
  it('sends encoded answers to SaveAnswers and decodes the check', async () => {
    vi.mocked(Screen.SaveAnswers).mockResolvedValue({ regimes: [{ name: 'general', elements: null }], missing: 0 } as never);
    const a = p.emptyPrivacyAnswers();
    a.organisation.name = ' Lumen ';
    const check = await p.savePrivacyAnswers(a);
    expect(check).toEqual({ regimes: [{ name: 'general', elements: [] }], missing: 0 });
    const sent = vi.mocked(Screen.SaveAnswers).mock.calls[0]![0];
    expect(JSON.parse(JSON.stringify(sent))).toMatchObject({ organisation: { name: 'Lumen' }, users: { regions: [] } });
  });

  it('passes a suggestion back as it came', async () => {
    vi.mocked(Screen.Accept).mockResolvedValue({ users: { regions: ['eu'] } } as never);
    const a = await p.acceptPrivacySuggestion({ field: 'users.regions', value: 'eu', source: { en: 's', 'zh-CN': '' } });
    expect(a.users.regions).toEqual(['eu']);
    expect(JSON.parse(JSON.stringify(vi.mocked(Screen.Accept).mock.calls[0]![0]))).toEqual({
      field: 'users.regions',
      value: 'eu',
      source: { en: 's', 'zh-CN': '' },
    });
  });

  it('calls the other methods with their arguments', async () => {
    vi.mocked(Screen.Preview).mockResolvedValue('<html></html>');
    vi.mocked(Screen.Compare).mockResolvedValue(null as never);
    vi.mocked(Screen.Drafts).mockResolvedValue(null as never);
    vi.mocked(App.ExportPrivacyDraft).mockResolvedValue('/tmp/privacy-policy-draft-en.pdf');
    await expect(p.previewPrivacyDraft('zh-CN')).resolves.toBe('<html></html>');
    expect(Screen.Preview).toHaveBeenCalledWith('zh-CN');
    await expect(p.comparePrivacyDrafts(1, 2)).resolves.toEqual([]);
    expect(Screen.Compare).toHaveBeenCalledWith(1, 2);
    await expect(p.loadPrivacyDrafts()).resolves.toEqual([]);
    await expect(p.exportPrivacyDraft('en', 'pdf')).resolves.toBe('/tmp/privacy-policy-draft-en.pdf');
    expect(App.ExportPrivacyDraft).toHaveBeenCalledWith('pdf', 'en');
  });

  it('rejects with the AppError Go sent, also when it arrives as JSON text in an Error', async () => {
    const goError = { code: 'invalid', message: 'field "organisation.email": "x" is not an email address' };
    vi.mocked(Screen.SaveAnswers).mockRejectedValue(new Error(JSON.stringify(goError)));
    await expect(p.savePrivacyAnswers(p.emptyPrivacyAnswers())).rejects.toEqual(goError);
    vi.mocked(Screen.Check).mockRejectedValue(goError);
    await expect(p.checkPrivacy()).rejects.toEqual(goError);
    vi.mocked(Screen.Draft).mockRejectedValue(new Error('boom'));
    await expect(p.loadPrivacyDraft(9)).rejects.toEqual({ code: 'internal', message: 'boom' });
  });
});
