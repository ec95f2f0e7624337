// English messages of the keys screen; i18n/keys.zh-CN.ts has the same keys.
export const keysEn = {} as const satisfies Record<string, string>;
