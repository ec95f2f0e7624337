import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toAppError } from './errors';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Keys', () => ({
  VaultStatus: vi.fn(),
  UnlockVault: vi.fn(),
  UseVault: vi.fn(),
  Members: vi.fn(),
  AddMember: vi.fn(),
  EditMember: vi.fn(),
  RemoveMember: vi.fn(),
  Keys: vi.fn(),
  AddKey: vi.fn(),
  EditKey: vi.fn(),
  RevokeKey: vi.fn(),
  MarkForRotation: vi.fn(),
  Rotate: vi.fn(),
  Places: vi.fn(),
  AddPlace: vi.fn(),
  TickPlace: vi.fn(),
  Verify: vi.fn(),
  Findings: vi.fn(),
  Policies: vi.fn(),
  SetPolicy: vi.fn(),
  Events: vi.fn(),
  KeychainStatus: vi.fn(),
}));

import * as Screen from './wailsjs/go/gui/Keys';
const App = Screen;
import * as keys from './keys';

const mocked = <T extends (...args: never[]) => unknown>(fn: T) => vi.mocked(fn);

beforeEach(() => vi.clearAllMocks());

describe('keys facade: decoding', () => {
  it('turns Go nulls into empty lists', async () => {
    mocked(Screen.Members).mockResolvedValue(null as never);
    mocked(Screen.Keys).mockResolvedValue(null as never);
    mocked(Screen.Findings).mockResolvedValue(null as never);
    mocked(Screen.Events).mockResolvedValue(null as never);
    mocked(Screen.Places).mockResolvedValue(null as never);
    await expect(keys.listMembers()).resolves.toEqual([]);
    await expect(keys.listKeys()).resolves.toEqual([]);
    await expect(keys.keyFindings()).resolves.toEqual([]);
    await expect(keys.keyEvents()).resolves.toEqual([]);
    await expect(keys.listKeyPlaces('bot')).resolves.toEqual([]);
    expect(Screen.Events).toHaveBeenCalledWith('');
  });

  it('decodes a key record, defaulting what is missing or unknown', async () => {
    mocked(Screen.Keys).mockResolvedValue([
      { id: 4, label: 'bot', member: 'Alice', environment: 'prod', kind: 'admin', status: 'rotation_due', verify_result: 'valid', redacted: 'sk-admin-…wxyz' },
      { id: 5, environment: 'qa', kind: 'weird', status: 'lost', verify_result: 'maybe' },
    ] as never);
    const [a, b] = await keys.listKeys();
    expect(a).toMatchObject({ id: 4, label: 'bot', environment: 'prod', kind: 'admin', status: 'rotation_due', verify_result: 'valid', replaces: 0, notes: '' });
    expect(b).toMatchObject({ environment: 'dev', kind: 'project', status: 'active', verify_result: '', label: '', rotate_by: '' });
  });

  it('decodes findings with both languages and their checklist items', async () => {
    mocked(Screen.Findings).mockResolvedValue([
      {
        id: 'member_without_key:2',
        kind: 'member_without_key',
        severity: 'medium',
        members: ['Bob'],
        labels: null,
        key_ids: null,
        title: { en: 'Bob has no key of their own', 'zh-CN': 'Bob 没有自己的专属密钥' },
        why: { en: 'Why' },
        fix: null,
        checklist: ['KH-01', ''],
      },
      { id: 'x', severity: 'apocalyptic' },
    ] as never);
    const [f, odd] = await keys.keyFindings();
    expect(f).toMatchObject({
      severity: 'medium',
      members: ['Bob'],
      labels: [],
      key_ids: [],
      title: { en: 'Bob has no key of their own', 'zh-CN': 'Bob 没有自己的专属密钥' },
      why: { en: 'Why', 'zh-CN': '' },
      fix: { en: '', 'zh-CN': '' },
      checklist: ['KH-01'],
    });
    expect(odd?.severity).toBe('high');
  });

  it('decodes the vault status and its problem', async () => {
    mocked(App.VaultStatus).mockResolvedValue({ kind: 'keychain', ready: false, exists: false, problem: { code: 'vault_unavailable', message: 'Start gnome-keyring.' } } as never);
    await expect(keys.vaultStatus()).resolves.toEqual({
      kind: 'keychain',
      ready: false,
      exists: false,
      problem: { code: 'vault_unavailable', message: 'Start gnome-keyring.' },
    });
    mocked(App.VaultStatus).mockResolvedValue({ kind: 'file', ready: true, exists: true, problem: null } as never);
    await expect(keys.vaultStatus()).resolves.toEqual({ kind: 'file', ready: true, exists: true, problem: null });
  });

  it('decodes policies', async () => {
    mocked(Screen.Policies).mockResolvedValue([{ environment: 'prod', rotation_days: 30, default: false }, { environment: 'dev' }] as never);
    await expect(keys.keyPolicies()).resolves.toEqual([
      { environment: 'prod', rotation_days: 30, default: false },
      { environment: 'dev', rotation_days: 0, default: false },
    ]);
  });
});

describe('keys facade: calls', () => {
  it('passes arguments through in order', async () => {
    mocked(Screen.AddKey).mockResolvedValue({ id: 1, label: 'bot', redacted: 'sk-proj-…abcd' } as never);
    const input = { label: 'bot', member: 'Alice', environment: 'dev' as const, notes: '' };
    const k = await keys.addKey(input, 'sk-proj-secret');
    expect(Screen.AddKey).toHaveBeenCalledWith(input, 'sk-proj-secret');
    expect(k.redacted).toBe('sk-proj-…abcd');

    mocked(Screen.RemoveMember).mockResolvedValue(undefined as never);
    await keys.removeMember('Alice');
    expect(Screen.RemoveMember).toHaveBeenCalledWith('Alice', { action: '', to: '' });
    await keys.removeMember('Alice', { action: 'reassign', to: 'Bob' });
    expect(Screen.RemoveMember).toHaveBeenLastCalledWith('Alice', { action: 'reassign', to: 'Bob' });

    mocked(Screen.TickPlace).mockResolvedValue({ id: 3, done_at: '2026-01-01T00:00:00Z' } as never);
    await expect(keys.tickKeyPlace(3, true)).resolves.toMatchObject({ id: 3, done_at: '2026-01-01T00:00:00Z', place: '' });
    expect(Screen.TickPlace).toHaveBeenCalledWith(3, true);

    mocked(App.UseVault).mockResolvedValue({ kind: 'file', ready: true } as never);
    await keys.useVault('file', 'a long passphrase');
    expect(App.UseVault).toHaveBeenCalledWith('file', 'a long passphrase');
  });

  it('rejects with the AppError Go sent', async () => {
    mocked(Screen.RemoveMember).mockRejectedValue({ code: 'member_has_keys', message: 'Alice still holds 1 current key(s): bot.' });
    await expect(keys.removeMember('Alice')).rejects.toEqual({
      code: 'member_has_keys',
      message: 'Alice still holds 1 current key(s): bot.',
    });
  });

  it('reads the error out of an Error whose message is its JSON (how Wails rejects)', async () => {
    mocked(Screen.Verify).mockRejectedValue(new Error('{"code":"key_verifier_missing","message":"此版本未配置密钥验证。"}'));
    await expect(keys.verifyKey('bot')).rejects.toEqual({ code: 'key_verifier_missing', message: '此版本未配置密钥验证。' });
  });

  it('drops "[object Object]" so the screen can say something better', async () => {
    mocked(Screen.Rotate).mockRejectedValue(new Error({ code: 'x', message: 'y' } as never));
    await expect(keys.rotateKey('bot', 'sk-proj-new')).rejects.toEqual({ code: 'internal', message: '' });
  });

  it('never puts the key into a rejection', async () => {
    const secret = 'sk-proj-' + 'A'.repeat(40);
    mocked(Screen.AddKey).mockRejectedValue({ code: 'key_invalid', message: 'That is not an OpenAI API key.' });
    const err = await keys.addKey({ label: 'x', member: 'A', environment: 'dev', notes: '' }, secret).catch((e: unknown) => e);
    expect(JSON.stringify(err)).not.toContain(secret);
  });
});

describe('toAppError on keys errors', () => {
  it('keeps ordinary errors as they are', () => {
    expect(toAppError({ code: 'member_exists', message: 'Taken.' })).toEqual({ code: 'member_exists', message: 'Taken.' });
    expect(toAppError('disk full')).toEqual({ code: 'internal', message: 'disk full' });
    expect(toAppError(new Error('{not json'))).toEqual({ code: 'internal', message: '{not json' });
  });
});

describe('errors from the Wails runtime', () => {
  it('turns the JSON text back into the AppError', async () => {
    mocked(Screen.AddKey).mockRejectedValue(new Error(JSON.stringify({ code: 'key_invalid', message: 'Not a key.' })));
    await expect(keys.addKey({ label: 'x', member: 'A', environment: 'dev', notes: '' }, 'nope')).rejects.toEqual({
      code: 'key_invalid',
      message: 'Not a key.',
    });
  });
});
