import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';
import { SCREENS } from './shell/router.svelte';

// The boot frame in index.html repeats the sidebar's labels (it paints
// before any script module loads): they must be the catalogues' words.
const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
const links = [...html.matchAll(/data-nav="([a-z]+)" data-zh="([^"]+)">([^<]+)</g)].map((m) => ({
  screen: m[1]!,
  zh: m[2]!,
  en: m[3]!,
}));

describe('the boot frame', () => {
  it('names every screen of the sidebar, in order, in both languages as the catalogues do', () => {
    expect(links.map((l) => l.screen)).toEqual([...SCREENS.filter((s) => s !== 'settings'), 'settings']);
    for (const l of links) {
      const key = `nav.${l.screen}` as keyof typeof en;
      expect(l.en).toBe(en[key]);
      expect(l.zh).toBe(zhCN[key as keyof typeof zhCN]);
    }
  });
});
