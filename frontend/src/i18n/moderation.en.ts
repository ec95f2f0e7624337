// English messages of the moderation screen; i18n/moderation.zh-CN.ts has the same keys.
export const moderationEn = {} as const satisfies Record<string, string>;
