// Pure message formatting, kept free of Svelte so it is trivially testable.

export type Params = Record<string, string | number>;

/**
 * Fills `{name}` placeholders from params. A message may carry a singular and
 * a plural form separated by " | "; when params.count is given, the first is
 * used for a count of 1 and the second otherwise. Unknown placeholders are
 * left as they are, so a missing parameter is visible rather than silent.
 */
export function format(message: string, params?: Params): string {
  let text = message;
  if (params && typeof params['count'] === 'number' && text.includes(' | ')) {
    const forms = text.split(' | ');
    const form = params['count'] === 1 ? forms[0] : forms[1];
    text = form ?? forms[0] ?? text;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
