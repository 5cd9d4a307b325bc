/**
 * ILLUSTRATIVE SAMPLE DATA — NOT REAL. Procedures for the pilot units' authorities, with a plausible
 * history of simplifications around the stage 2 baseline (2026-01-15), invented to exercise every
 * procedure event type. Every reason is prefixed so that nobody mistakes it for a recorded decision.
 */
import type { ProcedureCommand } from '@redtape/procedures-domain';

export type SampleCommand = Omit<ProcedureCommand, 'metadata'>;

export interface SampleChange {
  /** Local date (Asia/Bishkek) the change is said to have happened. */
  readonly on: string;
  readonly procedureId: string;
  /** The authority whose (fictional) official makes the change. */
  readonly by: string;
  readonly reason: string;
  readonly legalBasis?: string;
  /** For registrations, unitId and level are taken from the regions' events of `authorityId`. */
  readonly command: SampleCommand;
}

const requirement = (requirementId: string, name: string, copies = 0) => ({
  requirementId,
  name,
  originals: copies > 0 ? 0 : 1,
  copies,
  note: null,
});
const step = (stepId: string, description: string, office: string | null = null) => ({
  stepId,
  description,
  office,
});
const som = (amount: number) => ({ tyiyn: amount * 100, currency: 'KGS' as const });
const register = (
  procedureId: string,
  authorityId: string,
  title: string,
  category: string,
  decisionDays: number,
  requirements: ReturnType<typeof requirement>[],
  steps: ReturnType<typeof step>[],
  fee: ReturnType<typeof som> | null,
  legalBasis: string,
  asDraft = false,
): SampleCommand =>
  ({
    type: 'RegisterProcedure',
    data: {
      procedureId,
      authorityId,
      unitId: '',
      level: 'CITY',
      title,
      category,
      requirements,
      steps,
      decisionDays,
      fee,
      legalBasis,
      asDraft,
    },
  }) as SampleCommand;

const DECREE = 'Sample: Cabinet decree on regional debureaucratization (illustrative)';

export const SAMPLE_HISTORY: readonly SampleChange[] = [
  // Tokmok: a construction permit reviewed and simplified after the pilot started.
  {
    on: '2025-09-01',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-tokmok-construction-permit',
      'mayors-office/tokmok',
      'Construction permit',
      'construction',
      30,
      [
        requirement('application', 'Application form'),
        requirement('passport', 'Passport copy', 1),
        requirement('title-deed', 'Land title deed'),
        requirement('design', 'Approved architectural design'),
        requirement('survey', 'Topographic survey'),
        requirement('fire', 'Fire safety opinion'),
        requirement('sanitary', 'Sanitary opinion'),
        requirement('neighbours', 'Consent of neighbours'),
      ],
      [
        step('submit', 'Submit the application', 'one-stop shop'),
        step('review', 'Technical review', 'architecture department'),
        step('decide', 'Decision of the mayor'),
      ],
      som(2000),
      'Sample: Town Planning Code (illustrative)',
    ),
  },
  {
    on: '2026-02-02',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'pilot review of construction procedures',
    command: { type: 'StartReview', data: {} },
  },
  {
    on: '2026-02-10',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'the consent of neighbours has no basis in law',
    legalBasis: DECREE,
    command: { type: 'RemoveRequirement', data: { requirementId: 'neighbours' } },
  },
  {
    on: '2026-02-10',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'the sanitary opinion is part of the fire safety opinion',
    legalBasis: DECREE,
    command: { type: 'RemoveRequirement', data: { requirementId: 'sanitary' } },
  },
  {
    on: '2026-02-10',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'the survey is requested from the cadastre by the office itself',
    legalBasis: DECREE,
    command: { type: 'RemoveRequirement', data: { requirementId: 'survey' } },
  },
  {
    on: '2026-02-20',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'shorter decision time under the pilot',
    legalBasis: DECREE,
    command: { type: 'ChangeDecisionTime', data: { days: 15 } },
  },
  {
    on: '2026-02-20',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'fee reduced to the cost of the service',
    legalBasis: DECREE,
    command: { type: 'ChangeFee', data: { fee: som(1000) } },
  },
  {
    on: '2026-02-25',
    procedureId: 'sample-tokmok-construction-permit',
    by: 'mayors-office/tokmok',
    reason: 'review complete',
    command: { type: 'FinishReview', data: { outcome: 'SIMPLIFIED' } },
  },

  // Naryn: a trade licence whose documents and steps are tidied up.
  {
    on: '2025-06-15',
    procedureId: 'sample-naryn-trade-licence',
    by: 'mayors-office/naryn',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-naryn-trade-licence',
      'mayors-office/naryn',
      'Street trade licence',
      'trade',
      20,
      [
        requirement('application', 'Application form'),
        requirement('passport', 'Passport copy', 1),
        requirement('tax', 'Certificate of tax registration'),
        requirement('health', 'Health book of the seller'),
      ],
      [
        step('submit', 'Submit the application'),
        step('inspect', 'Inspection of the trading place', 'trade department'),
        step('pay', 'Pay the fee'),
        step('issue', 'Issue the licence'),
      ],
      som(300),
      'Sample: Law on licensing (illustrative)',
    ),
  },
  {
    on: '2026-02-05',
    procedureId: 'sample-naryn-trade-licence',
    by: 'mayors-office/naryn',
    reason: 'a copy of the taxpayer certificate is enough',
    legalBasis: DECREE,
    command: {
      type: 'ReplaceRequirement',
      data: {
        requirement: {
          requirementId: 'tax',
          name: 'Copy of the taxpayer certificate',
          originals: 0,
          copies: 1,
          note: 'the original is no longer asked for',
        },
      },
    },
  },
  {
    on: '2026-02-05',
    procedureId: 'sample-naryn-trade-licence',
    by: 'mayors-office/naryn',
    reason: 'pay first, so the inspector comes only once',
    command: { type: 'ReorderSteps', data: { order: ['submit', 'pay', 'inspect', 'issue'] } },
  },
  {
    on: '2026-02-12',
    procedureId: 'sample-naryn-trade-licence',
    by: 'mayors-office/naryn',
    reason: 'inspection only on complaint',
    legalBasis: DECREE,
    command: { type: 'RemoveStep', data: { stepId: 'inspect' } },
  },
  {
    on: '2026-02-12',
    procedureId: 'sample-naryn-trade-licence',
    by: 'mayors-office/naryn',
    reason: 'shorter decision time under the pilot',
    legalBasis: DECREE,
    command: { type: 'ChangeDecisionTime', data: { days: 5 } },
  },

  // Osh region and Nookat district: the same certificate demanded at two levels, then merged.
  {
    on: '2025-03-01',
    procedureId: 'sample-osh-land-use-certificate',
    by: 'regional-administration/osh',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-osh-land-use-certificate',
      'regional-administration/osh',
      'Certificate of land use',
      'land',
      30,
      [
        requirement('application', 'Application form'),
        requirement('passport', 'Passport copy', 1),
        requirement('title-deed', 'Land title deed'),
      ],
      [step('submit', 'Submit the application'), step('issue', 'Issue the certificate')],
      null,
      'Sample: Land Code (illustrative)',
    ),
  },
  {
    on: '2025-03-10',
    procedureId: 'sample-nookat-land-use-certificate',
    by: 'district-akimat/nookat',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-nookat-land-use-certificate',
      'district-akimat/nookat',
      'Land use certificate',
      'land',
      45,
      [
        requirement('application', 'Application form'),
        requirement('passport', 'Copy of passport', 1),
        requirement('title-deed', 'Land title deed'),
        requirement('akimat-letter', 'Letter of the aiyl okmotu'),
      ],
      [step('submit', 'Submit the application'), step('issue', 'Issue the certificate')],
      som(150),
      'Sample: district akimat order (illustrative)',
    ),
  },
  {
    on: '2026-02-03',
    procedureId: 'sample-nookat-land-use-certificate',
    by: 'district-akimat/nookat',
    reason: 'the regional administration issues the same certificate',
    command: {
      type: 'MarkProcedureDuplicate',
      data: { duplicateOf: 'sample-osh-land-use-certificate', duplicateOfExists: true },
    },
  },
  {
    on: '2026-03-01',
    procedureId: 'sample-nookat-land-use-certificate',
    by: 'district-akimat/nookat',
    reason: 'duplicative function eliminated',
    legalBasis: DECREE,
    command: {
      type: 'MergeProcedure',
      data: { into: 'sample-osh-land-use-certificate', targetStatus: 'ACTIVE' },
    },
  },

  // Batken district: a certificate abolished, then reinstated after a (fictional) objection.
  {
    on: '2025-05-20',
    procedureId: 'sample-batken-livestock-certificate',
    by: 'district-akimat/batken',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-batken-livestock-certificate',
      'district-akimat/batken',
      'Veterinary certificate for livestock sale',
      'licensing',
      10,
      [requirement('application', 'Application form'), requirement('vet', 'Veterinary inspection report')],
      [step('inspect', 'Veterinary inspection'), step('issue', 'Issue the certificate')],
      som(100),
      'Sample: Law on veterinary medicine (illustrative)',
    ),
  },
  {
    on: '2026-02-15',
    procedureId: 'sample-batken-livestock-certificate',
    by: 'district-akimat/batken',
    reason: 'no longer required for sales within the district',
    legalBasis: DECREE,
    command: { type: 'AbolishProcedure', data: {} },
  },
  {
    on: '2026-03-05',
    procedureId: 'sample-batken-livestock-certificate',
    by: 'district-akimat/batken',
    reason: 'still required by the veterinary service for sales outside the district',
    legalBasis: 'Sample: veterinary service objection (illustrative)',
    command: { type: 'ReinstateProcedure', data: {} },
  },

  // Tüp district: a new procedure drafted, completed and put in force.
  {
    on: '2026-01-20',
    procedureId: 'sample-tup-guesthouse-registration',
    by: 'district-akimat/tup',
    reason: 'a single window for guesthouses around Issyk-Kul',
    command: register(
      'sample-tup-guesthouse-registration',
      'district-akimat/tup',
      'Guesthouse registration',
      'business-registration',
      7,
      [requirement('application', 'Application form'), requirement('passport', 'Passport copy', 1)],
      [step('submit', 'Submit the application', 'one-stop shop')],
      null,
      'Sample: draft akimat order (illustrative)',
      true,
    ),
  },
  {
    on: '2026-01-28',
    procedureId: 'sample-tup-guesthouse-registration',
    by: 'district-akimat/tup',
    reason: 'the register is kept by the tourism department',
    command: {
      type: 'AddStep',
      data: { step: step('record', 'Entry in the guesthouse register', 'tourism department') },
    },
  },
  {
    on: '2026-01-28',
    procedureId: 'sample-tup-guesthouse-registration',
    by: 'district-akimat/tup',
    reason: 'the order was adopted',
    command: { type: 'ChangeLegalBasis', data: { legalBasis: 'Sample: akimat order No. 5 (illustrative)' } },
  },
  {
    on: '2026-02-01',
    procedureId: 'sample-tup-guesthouse-registration',
    by: 'district-akimat/tup',
    reason: 'in force from February',
    command: { type: 'ActivateProcedure', data: {} },
  },

  // Talas region and Jalal-Abad region: one more document demanded, and a review that changed nothing.
  {
    on: '2025-04-01',
    procedureId: 'sample-talas-outdoor-advertising',
    by: 'regional-administration/talas',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-talas-outdoor-advertising',
      'regional-administration/talas',
      'Outdoor advertising permit',
      'licensing',
      15,
      [requirement('application', 'Application form'), requirement('design', 'Design of the billboard')],
      [step('submit', 'Submit the application'), step('decide', 'Decision')],
      som(500),
      'Sample: Law on advertising (illustrative)',
    ),
  },
  {
    on: '2026-02-08',
    procedureId: 'sample-talas-outdoor-advertising',
    by: 'regional-administration/talas',
    reason: 'road safety asks to see the site plan',
    command: { type: 'AddRequirement', data: { requirement: requirement('site-plan', 'Site plan') } },
  },
  {
    on: '2025-07-01',
    procedureId: 'sample-jalal-abad-water-use-permit',
    by: 'regional-administration/jalal-abad',
    reason: 'recorded as in force before the pilot',
    command: register(
      'sample-jalal-abad-water-use-permit',
      'regional-administration/jalal-abad',
      'Irrigation water use permit',
      'land',
      20,
      [requirement('application', 'Application form'), requirement('title-deed', 'Land title deed')],
      [step('submit', 'Submit the application'), step('decide', 'Decision')],
      null,
      'Sample: Water Code (illustrative)',
    ),
  },
  {
    on: '2026-02-11',
    procedureId: 'sample-jalal-abad-water-use-permit',
    by: 'regional-administration/jalal-abad',
    reason: 'pilot review',
    command: { type: 'StartReview', data: {} },
  },
  {
    on: '2026-02-18',
    procedureId: 'sample-jalal-abad-water-use-permit',
    by: 'regional-administration/jalal-abad',
    reason: 'nothing to cut: both documents are needed',
    command: { type: 'FinishReview', data: { outcome: 'ACTIVE' } },
  },
];
