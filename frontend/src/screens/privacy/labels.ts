// Message keys for the questionnaire's enumerations.
import type {
  PrivacyArt9Condition,
  PrivacyCCPACategory,
  PrivacyScreeningAction,
  PrivacyLegalBasis,
  PrivacyRecipientRole,
  PrivacyRegion,
  PrivacyRight,
  PrivacySafeguard,
} from '../../api';
import type { MessageKey } from '../../i18n/index.svelte';

export const REGION_LABEL: Record<PrivacyRegion, MessageKey> = {
  eu: 'privacy.region.eu',
  uk: 'privacy.region.uk',
  california: 'privacy.region.california',
  china: 'privacy.region.china',
  elsewhere: 'privacy.region.elsewhere',
};

export const REGION_HINT: Record<PrivacyRegion, MessageKey> = {
  eu: 'privacy.region.eu.hint',
  uk: 'privacy.region.uk.hint',
  california: 'privacy.region.california.hint',
  china: 'privacy.region.china.hint',
  elsewhere: 'privacy.region.elsewhere.hint',
};

export const BASIS_LABEL: Record<PrivacyLegalBasis, MessageKey> = {
  consent: 'privacy.basis.consent',
  contract: 'privacy.basis.contract',
  legal_obligation: 'privacy.basis.legal_obligation',
  vital_interests: 'privacy.basis.vital_interests',
  public_task: 'privacy.basis.public_task',
  legitimate_interests: 'privacy.basis.legitimate_interests',
};

export const ROLE_LABEL: Record<PrivacyRecipientRole, MessageKey> = {
  processor: 'privacy.role.processor',
  controller: 'privacy.role.controller',
};

export const SAFEGUARD_LABEL: Record<PrivacySafeguard, MessageKey> = {
  adequacy: 'privacy.safeguard.adequacy',
  scc: 'privacy.safeguard.scc',
  dpf: 'privacy.safeguard.dpf',
  bcr: 'privacy.safeguard.bcr',
  uk_idta: 'privacy.safeguard.uk_idta',
  uk_addendum: 'privacy.safeguard.uk_addendum',
  uk_extension: 'privacy.safeguard.uk_extension',
  derogation: 'privacy.safeguard.derogation',
  pipl_standard_contract: 'privacy.safeguard.pipl_standard_contract',
  pipl_security_assessment: 'privacy.safeguard.pipl_security_assessment',
  pipl_certification: 'privacy.safeguard.pipl_certification',
};

export const RIGHT_LABEL: Record<PrivacyRight, MessageKey> = {
  access: 'privacy.right.access',
  correction: 'privacy.right.correction',
  deletion: 'privacy.right.deletion',
  restriction: 'privacy.right.restriction',
  portability: 'privacy.right.portability',
  objection: 'privacy.right.objection',
  withdraw_consent: 'privacy.right.withdraw_consent',
  complaint: 'privacy.right.complaint',
};

/** The short names of the regimes, as the summary and the checks show them. */
export const REGIME_SHORT: Record<string, MessageKey> = {
  general: 'privacy.regime.general',
  gdpr: 'privacy.regime.gdpr',
  ccpa: 'privacy.regime.ccpa',
  pipl: 'privacy.regime.pipl',
};

/** Why a regime that is not checked yet would apply. */
export const REGIME_INACTIVE: Record<string, MessageKey> = {
  gdpr: 'privacy.check.inactive.gdpr',
  ccpa: 'privacy.check.inactive.ccpa',
  pipl: 'privacy.check.inactive.pipl',
};

export const CCPA_CATEGORY_LABEL: Record<PrivacyCCPACategory, MessageKey> = {
  identifiers: 'privacy.ccpa.identifiers',
  customer_records: 'privacy.ccpa.customer_records',
  protected_classifications: 'privacy.ccpa.protected_classifications',
  commercial_information: 'privacy.ccpa.commercial_information',
  biometric_information: 'privacy.ccpa.biometric_information',
  internet_activity: 'privacy.ccpa.internet_activity',
  geolocation: 'privacy.ccpa.geolocation',
  sensory_data: 'privacy.ccpa.sensory_data',
  professional_information: 'privacy.ccpa.professional_information',
  education_information: 'privacy.ccpa.education_information',
  inferences: 'privacy.ccpa.inferences',
  sensitive_personal_information: 'privacy.ccpa.sensitive_personal_information',
};

export const ART9_LABEL: Record<PrivacyArt9Condition, MessageKey> = {
  explicit_consent: 'privacy.art9.explicit_consent',
  employment_social_security: 'privacy.art9.employment_social_security',
  vital_interests: 'privacy.art9.vital_interests',
  not_for_profit_body: 'privacy.art9.not_for_profit_body',
  made_public_by_data_subject: 'privacy.art9.made_public_by_data_subject',
  legal_claims: 'privacy.art9.legal_claims',
  substantial_public_interest: 'privacy.art9.substantial_public_interest',
  health_or_social_care: 'privacy.art9.health_or_social_care',
  public_health: 'privacy.art9.public_health',
  archiving_research_statistics: 'privacy.art9.archiving_research_statistics',
};

export const SCREENING_LABEL: Record<PrivacyScreeningAction, MessageKey> = {
  block: 'privacy.screening.block',
  redact: 'privacy.screening.redact',
  warn: 'privacy.screening.warn',
};
