// Errors as the screen shows them: Go's message, or (when the bridge lost it)
// a sentence of our own rather than nothing.
import { toAppError, type AppError } from '../../api';
import { t, type MessageKey } from '../../i18n/index.svelte';

/** An error with a message: Go's, or `fallback` (a hint for what usually goes wrong there). */
export function shown(err: AppError, fallback: MessageKey = 'mod.error.noDetail'): AppError {
  return err.message.trim() ? err : { code: err.code, message: t(fallback) };
}

/** Whatever was thrown, as an AppError fit to show. */
export function failure(e: unknown, fallback?: MessageKey): AppError {
  return shown(toAppError(e), fallback);
}
