// A small global toast queue. Titles are message keys, rendered with the
// current language, so open toasts follow a language switch. Details (paths,
// error messages from Go) are shown as given.
import type { AppError } from '../api/types';
import type { MessageKey } from '../i18n/en';
import type { Params } from '../i18n/format';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: MessageKey;
  params?: Params;
  detail?: string;
}

class ToastQueue {
  items = $state<Toast[]>([]);
  #next = 1;

  push(toast: Omit<Toast, 'id'>, timeoutMs?: number): number {
    const id = this.#next++;
    this.items = [...this.items, { ...toast, id }];
    const ms = timeoutMs ?? (toast.kind === 'error' ? 9000 : 5000);
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  /** A success message, with an optional detail such as the path written. */
  success(title: MessageKey, detail?: string, params?: Params): number {
    return this.push({ kind: 'success', title, detail, params });
  }

  /** A failure: what failed, and Go's message saying why. */
  error(title: MessageKey, err?: AppError): number {
    return this.push({ kind: 'error', title, detail: err?.message });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new ToastQueue();
