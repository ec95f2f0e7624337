import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { setLocale } from './i18n/index.svelte';
import { guessLang } from './stores/settings.svelte';
import { rememberedLang, removeBootFrame } from './boot';
import { themeStore } from './stores/theme.svelte';

// Until Go answers Settings(), use the last launch's language (which the
// boot frame already shows), else the webview's.
await setLocale(rememberedLang() ?? guessLang(navigator.languages ?? [navigator.language]));
themeStore.init();

// `npm run dev` opened in a plain browser with ?mock runs against an
// in-memory backend; the mock is not part of production builds.
if (import.meta.env.DEV && new URLSearchParams(location.search).has('mock')) {
  const { installMock } = await import('./api/mock/install');
  installMock();
}

removeBootFrame();
const app = mount(App, { target: document.getElementById('app')! });

export default app;
