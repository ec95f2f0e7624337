// Simplified Chinese messages of the keys screen.
import type { keysEn } from './keys.en';

export const keysZh: Record<keyof typeof keysEn, string> = {};
