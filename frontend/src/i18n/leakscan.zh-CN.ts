// Simplified Chinese messages of the leakscan screen.
import type { leakscanEn } from './leakscan.en';

export const leakscanZh: Record<keyof typeof leakscanEn, string> = {};
