// The app-wide keyboard shortcuts: which key does what, kept in one list the
// help sheet (?) shows, and the tests for "is the user typing?".
import type { Screen } from '../router.svelte';

/** "g" then one of these letters goes to the screen. */
export const GO_TO: readonly [string, Screen][] = [
  ['o', 'overview'],
  ['c', 'checklist'],
  ['k', 'keys'],
  ['l', 'leakscan'],
  ['m', 'moderation'],
  ['u', 'usage'],
  ['p', 'privacy'],
  ['s', 'settings'],
];

/** True when the key press belongs to a text field (or anything editable). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** True for Ctrl+K, or Cmd+K on macOS. */
export function isPaletteKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}

/** "Ctrl" everywhere but macOS, where it is "⌘". */
export function modifierName(platform: string): string {
  return /mac/i.test(platform) ? '⌘' : 'Ctrl';
}
