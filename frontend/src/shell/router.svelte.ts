// A tiny hash router: #/checklist?evidence=key-register; the Overview is the first screen.
export const SCREENS = [
  'overview',
  'checklist',
  'keys',
  'leakscan',
  'moderation',
  'usage',
  'gateway',
  'org',
  'privacy',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  query: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'overview';
  return { screen, query: Object.fromEntries(new URLSearchParams(search)) };
}

export function toHash(screen: Screen, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `#/${screen}${search ? `?${search}` : ''}`;
}

class Router {
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.route = parseHash(location.hash);
      });
    }
  }

  navigate(screen: Screen, query: Record<string, string> = {}): void {
    const hash = toHash(screen, query);
    if (location.hash === hash) this.route = parseHash(hash);
    else location.hash = hash;
  }

  /** Drops the query once a screen has acted on it, so a re-render doesn't repeat it. */
  clearQuery(): void {
    if (Object.keys(this.route.query).length === 0) return;
    history.replaceState(null, '', toHash(this.route.screen));
    this.route = { screen: this.route.screen, query: {} };
  }
}

export const router = new Router();
