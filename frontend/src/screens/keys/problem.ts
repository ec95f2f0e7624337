// Turns whatever a call rejected with into an AppError the keys screen can
// show: Go's message when there is one, else a sentence of our own.
import { shownError, type AppError } from '../../api';
import { t } from '../../i18n/index.svelte';

export function problem(e: unknown): AppError {
  return shownError(e, t('keys.error.noDetail'));
}
