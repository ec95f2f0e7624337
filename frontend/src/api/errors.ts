import type { AppError } from './types';

/** Codes the facade itself produces. Go supplies the others. */
export const INTERNAL = 'internal';
export const UNAVAILABLE = 'unavailable';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function fromRecord(v: Record<string, unknown>): AppError | null {
  const message = v['message'];
  if (typeof message !== 'string' || message === '') return null;
  const code = v['code'];
  return { code: typeof code === 'string' && code !== '' ? code : INTERNAL, message };
}

/**
 * Maps whatever a binding rejected with to an AppError: the one error type
 * and the one unwrapper of the frontend. The Go ErrorFormatter rejects with
 * {code, message} as JSON text (Wails wraps it in an Error); a plain string,
 * the object itself and JS errors are tolerated too. An object that arrived
 * as "[object Object]" (its message lost on the way) gets message "", so
 * the screen says something of its own (see shownError).
 */
export function toAppError(e: unknown): AppError {
  const err = unwrap(e);
  return err.message.trim() === '[object Object]' ? { code: err.code, message: '' } : err;
}

/** An AppError fit to show: Go's message, or `fallback` when Go gave none. */
export function shownError(e: unknown, fallback: string): AppError {
  const err = toAppError(e);
  return err.message.trim() ? err : { code: err.code, message: fallback };
}

function unwrap(e: unknown): AppError {
  if (isAppErrorShape(e)) return { code: e.code, message: e.message };
  if (typeof e === 'string') {
    const text = e.trim();
    if (text.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (isRecord(parsed)) {
          const err = fromRecord(parsed);
          if (err) return err;
        }
      } catch {
        // not JSON: fall through to the plain message
      }
    }
    return { code: INTERNAL, message: text || 'Unknown error' };
  }
  if (e instanceof TypeError && /window\[?'?go|undefined/.test(e.message) && !hasBindings()) {
    return { code: UNAVAILABLE, message: e.message };
  }
  if (e instanceof Error) {
    // The Wails runtime rejects with new Error(<the Go ErrorFormatter's JSON>).
    const parsed = e.message.trim().startsWith('{') ? unwrap(e.message) : null;
    if (parsed && parsed.code !== INTERNAL) return parsed;
    if (parsed && parsed.message !== e.message.trim()) return parsed;
    return { code: INTERNAL, message: e.message || e.name };
  }
  if (isRecord(e)) {
    const err = fromRecord(e);
    if (err) return err;
  }
  return { code: INTERNAL, message: 'Unknown error' };
}

function isAppErrorShape(e: unknown): e is AppError {
  return (
    isRecord(e) &&
    typeof e['code'] === 'string' &&
    e['code'] !== '' &&
    typeof e['message'] === 'string'
  );
}

/** True when this page runs inside Wails (or the dev server's bridge). */
export function hasBindings(): boolean {
  return typeof window !== 'undefined' && isRecord((window as unknown as Record<string, unknown>)['go']);
}

/** Type guard for values thrown by the facade. */
export function isAppError(e: unknown): e is AppError {
  return isAppErrorShape(e);
}

/** Runs a binding call, rejecting with an AppError whatever went wrong. */
export async function call<T>(fn: () => Promise<unknown>, decode: (raw: unknown) => T): Promise<T> {
  let raw: unknown;
  try {
    raw = await fn();
  } catch (e) {
    throw toAppError(e);
  }
  return decode(raw);
}
