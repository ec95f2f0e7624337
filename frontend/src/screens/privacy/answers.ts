// Small edits of the answers the forms share: new rows, category keys and
// the references purposes and transfers hold to them. Pure, unit tested.
import type {
  PrivacyAnswers,
  PrivacyContact,
  PrivacyDataCategory,
  PrivacyPurpose,
  PrivacyRecipient,
  PrivacyTransfer,
  Text,
} from '../../api';

export const emptyText = (): Text => ({ en: '', 'zh-CN': '' });

export function textFilled(t: Text): boolean {
  return t.en.trim() !== '' || t['zh-CN'].trim() !== '';
}

/** True when nothing at all has been answered: a fresh install. */
export function isBlank(a: PrivacyAnswers): boolean {
  const blank = (v: unknown): boolean => {
    if (v === null || v === undefined || v === 0) return true;
    if (typeof v === 'string') return v.trim() === '';
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === 'object') return Object.values(v).every(blank);
    return false;
  };
  return blank(a);
}

/** A category key from free typing: lower case, digits, "-" and "_", at most 40. */
export function toCategoryKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s.]+/g, '-')
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[-_]+/, '')
    .slice(0, 40);
}

/** A key not used by any other category, from a name when it gives one. */
export function uniqueCategoryKey(categories: readonly Pick<PrivacyDataCategory, 'id'>[], from = ''): string {
  const taken = new Set(categories.map((c) => c.id));
  const base = toCategoryKey(from) || 'data';
  if (!taken.has(base) && from) return base;
  for (let n = 1; ; n++) {
    const key = `${base}-${n}`.slice(0, 40);
    if (!taken.has(key)) return key;
  }
}

export function newCategory(categories: readonly Pick<PrivacyDataCategory, 'id'>[]): PrivacyDataCategory {
  return {
    id: uniqueCategoryKey(categories),
    name: emptyText(),
    examples: emptyText(),
    source: emptyText(),
    retention: emptyText(),
    sensitive: false,
    sold: false,
    shared: false,
    login_credentials: false,
    ccpa_category: '',
    special_category_condition: '',
    sensitive_necessity: emptyText(),
  };
}

export function newPurpose(): PrivacyPurpose {
  return { purpose: emptyText(), categories: [], legal_basis: '', legitimate_interest: emptyText(), method: emptyText() };
}

export function newRecipient(): PrivacyRecipient {
  return {
    name: '',
    role: '',
    purpose: emptyText(),
    location: emptyText(),
    contact: '',
    receives_prompts: false,
    prompts_from: [],
    categories: [],
    method: emptyText(),
    separate_consent: null,
  };
}

export function newTransfer(): PrivacyTransfer {
  return {
    recipient: '',
    country: emptyText(),
    from: [],
    contact: '',
    purpose: emptyText(),
    method: emptyText(),
    categories: [],
    safeguards: [],
    rights_how: emptyText(),
    adequacy_decision: null,
    derogation: emptyText(),
  };
}

export function contactFilled(c: PrivacyContact): boolean {
  return c.name.trim() !== '' || c.email.trim() !== '' || c.address.trim() !== '';
}

/** Renames a category key everywhere it is referred to, in place. */
export function renameCategory(a: PrivacyAnswers, from: string, to: string): void {
  if (from === to) return;
  const swap = (ids: string[]) => ids.map((id) => (id === from ? to : id));
  for (const p of a.purposes) p.categories = swap(p.categories);
  for (const t of a.international_transfers.transfers) t.categories = swap(t.categories);
  for (const r of a.recipients) r.categories = swap(r.categories);
  for (const k of a.china.third_party_sdks.list) k.categories = swap(k.categories);
}

/** Removes a category and every reference to it, in place. */
export function removeCategory(a: PrivacyAnswers, index: number): void {
  const [gone] = a.data_categories.splice(index, 1);
  if (!gone) return;
  const still = new Set(a.data_categories.map((c) => c.id));
  if (still.has(gone.id)) return; // a duplicate key: the other category keeps its references
  for (const p of a.purposes) p.categories = p.categories.filter((id) => id !== gone.id);
  for (const t of a.international_transfers.transfers) t.categories = t.categories.filter((id) => id !== gone.id);
  for (const r of a.recipients) r.categories = r.categories.filter((id) => id !== gone.id);
  for (const k of a.china.third_party_sdks.list) k.categories = k.categories.filter((id) => id !== gone.id);
}

/** Adds or removes value in a list, in place, keeping the order of `order` when given. */
export function toggle<T>(list: T[], value: T, on: boolean, order?: readonly T[]): T[] {
  const has = list.includes(value);
  if (on && !has) list.push(value);
  if (!on && has) list.splice(list.indexOf(value), 1);
  if (order) list.sort((x, y) => order.indexOf(x) - order.indexOf(y));
  return list;
}

/** Today as YYYY-MM-DD in local time. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
