import { describe, expect, it } from 'vitest';
// Go is the one source of the enums the UI shows: backend/app/enums.go binds
// them with Wails' EnumBind and `make bindings` writes them into models.ts.
// The UI keeps its own lists only for their order; each must hold exactly the
// generated enum's values.
import { checklist, keys, moderation, privacy } from './wailsjs/go/models';
import { EVIDENCE_KINDS, EVIDENCE_REF_KINDS, STATUSES } from './types';
import { KEY_ENVIRONMENTS, KEY_KINDS, KEY_STATUSES } from './keys';
import { MODERATION_CATEGORIES, MODERATION_ITEM_STATES, MODERATION_RUN_STATUSES } from './moderation.types';
import { PII_POLICIES } from './moderation';
import {
  PRIVACY_ART9_CONDITIONS,
  PRIVACY_CCPA_CATEGORIES,
  PRIVACY_LEGAL_BASES,
  PRIVACY_RECIPIENT_ROLES,
  PRIVACY_REGIONS,
  PRIVACY_RIGHTS,
  PRIVACY_SAFEGUARDS,
  PRIVACY_SCREENING_ACTIONS,
} from './privacy.types';

const cases: [string, readonly string[], Record<string, string>][] = [
  ['STATUSES', STATUSES, checklist.Status],
  ['EVIDENCE_KINDS', EVIDENCE_KINDS, checklist.EvidenceKind],
  ['EVIDENCE_REF_KINDS', EVIDENCE_REF_KINDS, checklist.EvidenceRefKind],
  ['MODERATION_CATEGORIES', MODERATION_CATEGORIES, moderation.Category],
  ['MODERATION_RUN_STATUSES', MODERATION_RUN_STATUSES, moderation.RunStatus],
  ['MODERATION_ITEM_STATES', MODERATION_ITEM_STATES, moderation.ResultState],
  ['PII_POLICIES', PII_POLICIES, moderation.PIIPolicy],
  ['KEY_ENVIRONMENTS', KEY_ENVIRONMENTS, keys.Environment],
  ['KEY_KINDS', KEY_KINDS, keys.Kind],
  ['KEY_STATUSES', KEY_STATUSES, keys.Status],
  ['PRIVACY_REGIONS', PRIVACY_REGIONS, privacy.Region],
  ['PRIVACY_LEGAL_BASES', PRIVACY_LEGAL_BASES, privacy.LegalBasis],
  ['PRIVACY_RIGHTS', PRIVACY_RIGHTS, privacy.Right],
  ['PRIVACY_SAFEGUARDS', PRIVACY_SAFEGUARDS, privacy.Safeguard],
  ['PRIVACY_ART9_CONDITIONS', PRIVACY_ART9_CONDITIONS, privacy.Art9Condition],
  ['PRIVACY_CCPA_CATEGORIES', PRIVACY_CCPA_CATEGORIES, privacy.CCPACategory],
  ['PRIVACY_SCREENING_ACTIONS', PRIVACY_SCREENING_ACTIONS, privacy.ScreeningAction],
  ['PRIVACY_RECIPIENT_ROLES', PRIVACY_RECIPIENT_ROLES, privacy.RecipientRole],
];

describe('UI enum lists', () => {
  it.each(cases)('%s holds exactly the generated enum', (_name, list, generated) => {
    const want = Object.values(generated).sort();
    expect(want.length).toBeGreaterThan(0);
    expect([...list].sort()).toEqual(want);
  });
});
