// Version, paths and any startup error, loaded once at start.
import * as api from '../api/shell';
import { toAppError } from '../api/errors';
import type { AppError, AppInfo } from '../api/types';

class AppInfoStore {
  data = $state<AppInfo | null>(null);
  error = $state<AppError | null>(null);

  async load(): Promise<void> {
    this.error = null;
    try {
      this.data = await api.appInfo();
    } catch (e) {
      this.error = toAppError(e);
    }
  }
}

export const appInfoStore = new AppInfoStore();
