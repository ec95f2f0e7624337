// Simplified Chinese messages of the moderation screen.
import type { moderationEn } from './moderation.en';

export const moderationZh: Record<keyof typeof moderationEn, string> = {};
