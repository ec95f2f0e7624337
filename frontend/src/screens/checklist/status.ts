import type { Status } from '../../api/types';
import type { MessageKey } from '../../i18n/en';
import type { Tone } from '../../lib/types';

export const STATUS_LABEL: Record<Status, MessageKey> = {
  todo: 'status.todo',
  in_progress: 'status.in_progress',
  done: 'status.done',
  at_risk: 'status.at_risk',
  not_applicable: 'status.not_applicable',
};

export const STATUS_TONE: Record<Status, Tone> = {
  todo: 'neutral',
  in_progress: 'info',
  done: 'success',
  at_risk: 'warning',
  not_applicable: 'muted',
};
