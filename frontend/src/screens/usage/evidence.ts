// Which checklist items a screen's output is evidence for, split by whether
// they apply to the current workspace: the note counts and lists the
// applicable ones, and names the not-applicable ones apart.
import type { Item, ItemState } from '../../api/types';

export interface EvidenceSplit {
  /** Counted and listed. */
  applicable: Item[];
  /** Marked not applicable in the workspace; listed apart, not counted. */
  notApplicable: Item[];
}

/** Splits items by the workspace's statuses; with no statuses (no workspace
 * yet) every item counts. */
export function splitEvidence(items: Item[], states: Pick<ItemState, 'id' | 'status'>[]): EvidenceSplit {
  const na = new Set(states.filter((s) => s.status === 'not_applicable').map((s) => s.id));
  return {
    applicable: items.filter((i) => !na.has(i.id)),
    notApplicable: items.filter((i) => na.has(i.id)),
  };
}
