// English messages of the leakscan screen; i18n/leakscan.zh-CN.ts has the same keys.
export const leakscanEn = {} as const satisfies Record<string, string>;
