// The gateway's recent errors come from Go in English, with a code (the
// usage log's error type). The known codes have a text in each language; in
// English Go's own message is kept (it names the model, path or limit).
import type { MessageKey } from '../../i18n/index.svelte';
import { zhCN } from '../../i18n/zh-CN';
import type { Lang } from '../../api/types';

const KNOWN: Record<string, MessageKey> = {
  invalid_api_key: 'gateway.err.invalidApiKey',
  rate_limit_exceeded: 'gateway.err.rateLimitExceeded',
  model_not_allowed: 'gateway.err.modelNotAllowed',
  pii_blocked: 'gateway.err.piiBlocked',
  moderation_blocked: 'gateway.err.moderationBlocked',
  moderation_unavailable: 'gateway.err.moderationUnavailable',
  request_too_large: 'gateway.err.requestTooLarge',
  invalid_json: 'gateway.err.invalidJson',
  not_found: 'gateway.err.notFound',
  invalid_path: 'gateway.err.invalidPath',
  upstream_key_unavailable: 'gateway.err.upstreamKeyUnavailable',
  upstream_unreachable: 'gateway.err.upstreamUnreachable',
  upstream_timeout: 'gateway.err.upstreamTimeout',
  upstream_closed: 'gateway.err.upstreamClosed',
  client_closed: 'gateway.err.clientClosed',
  end_user_blocked: 'gateway.err.endUserBlocked',
  output_moderation_blocked: 'gateway.err.outputModerationBlocked',
  insufficient_quota: 'gateway.err.insufficientQuota',
  account_deactivated: 'gateway.err.accountDeactivated',
  unsupported_country_region_territory: 'gateway.err.unsupportedCountryRegionTerritory',
};

/** The message key for an error code, or null when it has none. */
export function errorKey(type: string): MessageKey | null {
  return Object.hasOwn(KNOWN, type) ? (KNOWN[type] ?? null) : null;
}

/** What to show for a recent error in lang: Go's message in English (or when
 * the code is unknown), the known code's own text otherwise. */
export function errorText(e: { type: string; message: string }, lang: Lang): string {
  const key = errorKey(e.type);
  if (lang === 'en' || key === null) return e.message;
  return zhCN[key];
}
