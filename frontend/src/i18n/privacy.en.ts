// English messages of the privacy screen; i18n/privacy.zh-CN.ts has the same keys.
export const privacyEn = {} as const satisfies Record<string, string>;
