// Which checklist items a leak scan is evidence for (from the catalogue:
// items whose "evidence" lists "leak-scan"), KH-03 ("No keys in code
// repositories") first when the catalogue has it.
import type { Item } from '../../api';

export const LEAK_EVIDENCE_KIND = 'leak-scan';
export const PREFERRED_ITEM = 'KH-03';

export function evidenceItems(items: readonly Item[]): Item[] {
  const related = items.filter((i) => i.evidence.includes(LEAK_EVIDENCE_KIND));
  const preferred = related.find((i) => i.id === PREFERRED_ITEM);
  return preferred ? [preferred, ...related.filter((i) => i !== preferred)] : related;
}
