// Simplified Chinese messages of the privacy screen.
import type { privacyEn } from './privacy.en';

export const privacyZh: Record<keyof typeof privacyEn, string> = {};
