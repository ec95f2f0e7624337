// Message keys and badge tones for the keys screen's enumerations.
import type { KeyEnvironment, KeyKind, KeySeverity, KeyStatus, KeyVerifyResult } from '../../api';
import type { MessageKey } from '../../i18n/en';
import type { Tone } from '../../lib/types';

export const ENV_LABEL: Record<KeyEnvironment, MessageKey> = {
  dev: 'keys.env.dev',
  staging: 'keys.env.staging',
  prod: 'keys.env.prod',
};

export const ENV_SHORT: Record<KeyEnvironment, MessageKey> = {
  dev: 'keys.envShort.dev',
  staging: 'keys.envShort.staging',
  prod: 'keys.envShort.prod',
};

export const ENV_TONE: Record<KeyEnvironment, Tone> = { dev: 'neutral', staging: 'info', prod: 'accent' };

export const KIND_LABEL: Record<KeyKind, MessageKey> = {
  project: 'keys.kind.project',
  service_account: 'keys.kind.service_account',
  admin: 'keys.kind.admin',
  legacy_user: 'keys.kind.legacy_user',
};

export const STATUS_LABEL: Record<KeyStatus, MessageKey> = {
  active: 'keys.status.active',
  rotation_due: 'keys.status.rotation_due',
  retired: 'keys.status.retired',
  revoked: 'keys.status.revoked',
};

export const STATUS_TONE: Record<KeyStatus, Tone> = {
  active: 'success',
  rotation_due: 'warning',
  retired: 'muted',
  revoked: 'danger',
};

export const RESULT_LABEL: Record<Exclude<KeyVerifyResult, ''>, MessageKey> = {
  valid: 'keys.result.valid',
  invalid: 'keys.result.invalid',
  revoked: 'keys.result.revoked',
  rate_limited: 'keys.result.rate_limited',
  network_error: 'keys.result.network_error',
};

export const RESULT_TONE: Record<Exclude<KeyVerifyResult, ''>, Tone> = {
  valid: 'success',
  invalid: 'danger',
  revoked: 'danger',
  rate_limited: 'warning',
  network_error: 'warning',
};

export const SEVERITY_LABEL: Record<KeySeverity, MessageKey> = {
  critical: 'keys.severity.critical',
  high: 'keys.severity.high',
  medium: 'keys.severity.medium',
  low: 'keys.severity.low',
};

export const SEVERITY_TONE: Record<KeySeverity, Tone> = {
  critical: 'danger',
  high: 'danger',
  medium: 'warning',
  low: 'info',
};

const EVENT_LABEL: Record<string, MessageKey> = {
  added: 'keys.event.added',
  edited: 'keys.event.edited',
  verified: 'keys.event.verified',
  marked_for_rotation: 'keys.event.marked_for_rotation',
  unmarked_for_rotation: 'keys.event.unmarked_for_rotation',
  rotated: 'keys.event.rotated',
  revoked: 'keys.event.revoked',
  reassigned: 'keys.event.reassigned',
  member_added: 'keys.event.member_added',
  member_edited: 'keys.event.member_edited',
  member_removed: 'keys.event.member_removed',
  place_added: 'keys.event.place_added',
  place_ticked: 'keys.event.place_ticked',
};

/** The message key of a key event, or null for one this build doesn't know. */
export function eventLabel(event: string): MessageKey | null {
  return EVENT_LABEL[event] ?? null;
}

/** The platform page where keys are created and revoked. */
export const PLATFORM_KEYS_URL = 'https://platform.openai.com/api-keys';
