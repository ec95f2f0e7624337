import { beforeEach, describe, expect, it, vi } from 'vitest';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Org', () => ({
  Connection: vi.fn(),
  Connect: vi.fn(),
  Disconnect: vi.fn(),
  Sync: vi.fn(),
  Snapshot: vi.fn(),
  Keys: vi.fn(),
  Ambiguities: vi.fn(),
  Choose: vi.fn(),
  PlanRevoke: vi.fn(),
  Revoke: vi.fn(),
  Findings: vi.fn(),
  ImportAudit: vi.fn(),
  Audit: vi.fn(),
}));

import * as Org from './wailsjs/go/gui/Org';
import { orgAudit, orgDecoders, orgKeys, revokeOrgKey } from './org';

beforeEach(() => vi.clearAllMocks());

describe('org facade', () => {
  it('decodes key rows, defaulting what Go leaves out', async () => {
    vi.mocked(Org.Keys).mockResolvedValue([
      { project_id: 'p', id: 'k', redacted: 'sk-proj-...abc', status: 'stale', label: null },
      { id: 'k2', status: 'from-a-newer-version' },
    ] as never);
    const rows = await orgKeys();
    expect(rows[0]).toMatchObject({ project_id: 'p', id: 'k', status: 'stale', label: '', last_used_at: '' });
    expect(rows[1]?.status).toBe('unregistered');
  });

  it('passes the service account confirmation and reads a dry run', async () => {
    vi.mocked(Org.Revoke).mockResolvedValue({ plan: { key_id: 'k', path: '/organization/x' }, dry_run: true, revocation: null } as never);
    const res = await revokeOrgKey({ label: '', project_id: 'p', key_id: 'k' }, 'CI bot', true);
    expect(Org.Revoke).toHaveBeenCalledWith({ label: '', project_id: 'p', key_id: 'k' }, { dry_run: true, confirm_service_account: 'CI bot' });
    expect(res.revocation).toBeNull();
    expect(res.plan.path).toBe('/organization/x');
  });

  it('maps a rejection to an AppError', async () => {
    vi.mocked(Org.Audit).mockRejectedValue(new Error('{"code":"org_not_connected","message":"Not connected"}'));
    await expect(orgAudit('2026-01-01')).rejects.toEqual({ code: 'org_not_connected', message: 'Not connected' });
    expect(Org.Audit).toHaveBeenCalledWith('2026-01-01', '', 500);
  });

  it('treats Go zero times as no time', () => {
    const snap = orgDecoders.snapshot({ synced_at: '0001-01-01T00:00:00Z', projects: null, settings: { spend_limit: null } });
    expect(snap).toMatchObject({ synced_at: '', projects: [], spend_limit: null, users: 0 });
  });
});
