import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { setLocale } from './i18n/index.svelte';
import { guessLang } from './stores/settings.svelte';
import { themeStore } from './stores/theme.svelte';

// Until Go answers Settings(), follow the webview's language.
await setLocale(guessLang(navigator.languages ?? [navigator.language]));
themeStore.init();

// `npm run dev` opened in a plain browser with ?mock runs against an
// in-memory backend; the mock is not part of production builds.
if (import.meta.env.DEV && new URLSearchParams(location.search).has('mock')) {
  const { installMock } = await import('./api/mock/install');
  installMock();
}

const app = mount(App, { target: document.getElementById('app')! });

export default app;
