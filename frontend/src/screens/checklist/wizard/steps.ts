import { PROFILE_FLAGS, type Profile, type ProfileFlag } from '../../../api/types';
import type { MessageKey } from '../../../i18n/en';

export interface WizardStep {
  id: string;
  title: MessageKey;
  lead: MessageKey;
  flags: ProfileFlag[];
}

export const WIZARD_STEPS: WizardStep[] = [
  { id: 'product', title: 'wizard.product.title', lead: 'wizard.product.lead', flags: ['consumer', 'chatbot'] },
  {
    id: 'domains',
    title: 'wizard.domains.title',
    lead: 'wizard.domains.lead',
    flags: ['medical', 'legal', 'financial', 'news'],
  },
  { id: 'people', title: 'wizard.people.title', lead: 'wizard.people.lead', flags: ['minors', 'impersonation'] },
  { id: 'regions', title: 'wizard.regions.title', lead: 'wizard.regions.lead', flags: ['eu', 'california', 'china'] },
];

export const FLAG_TEXT: Record<ProfileFlag, { label: MessageKey; hint: MessageKey }> = {
  consumer: { label: 'wizard.flag.consumer', hint: 'wizard.flag.consumer.hint' },
  chatbot: { label: 'wizard.flag.chatbot', hint: 'wizard.flag.chatbot.hint' },
  medical: { label: 'wizard.flag.medical', hint: 'wizard.flag.medical.hint' },
  legal: { label: 'wizard.flag.legal', hint: 'wizard.flag.legal.hint' },
  financial: { label: 'wizard.flag.financial', hint: 'wizard.flag.financial.hint' },
  news: { label: 'wizard.flag.news', hint: 'wizard.flag.news.hint' },
  minors: { label: 'wizard.flag.minors', hint: 'wizard.flag.minors.hint' },
  impersonation: { label: 'wizard.flag.impersonation', hint: 'wizard.flag.impersonation.hint' },
  eu: { label: 'wizard.flag.eu', hint: 'wizard.flag.eu.hint' },
  california: { label: 'wizard.flag.california', hint: 'wizard.flag.california.hint' },
  china: { label: 'wizard.flag.china', hint: 'wizard.flag.china.hint' },
};

export function blankProfile(): Profile {
  const p = {} as Profile;
  for (const f of PROFILE_FLAGS) p[f] = false;
  return p;
}

/** A copy of the saved profile, or every answer "no" for a first run. */
export function initialProfile(saved: Profile | null): Profile {
  return { ...blankProfile(), ...(saved ?? {}) };
}
