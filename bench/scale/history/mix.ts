/**
 * The pure part of the history generator: how long a procedure's history runs, which change comes
 * next given what the procedure is now, and the words the generated texts are made of. Everything here
 * is a function of a `Random`, so the same seed gives the same history.
 */
import type { ProcedureDocument } from '@redtape/procedures-domain';
import type { Random } from './random.js';

/** Share of procedures whose history is long (hundreds of events): a few long streams. */
export const LONG_STREAM_SHARE = 0.002;
export const MAX_REQUIREMENTS = 24;
export const MAX_STEPS = 12;

/** Events in one procedure's history, registration included: mostly 5–50, median about 15, a few of 200–1,500. */
export function procedureLifeLength(random: Random): number {
  if (random.chance(LONG_STREAM_SHARE)) return random.int(200, 1500);
  return 5 + Math.floor(46 * random.next() ** 1.8);
}

export type ProcedureChange =
  | 'ActivateProcedure'
  | 'AddRequirement'
  | 'RemoveRequirement'
  | 'ReplaceRequirement'
  | 'AddStep'
  | 'RemoveStep'
  | 'ReorderSteps'
  | 'ChangeDecisionTime'
  | 'ChangeFee'
  | 'ChangeLegalBasis'
  | 'StartReview'
  | 'FinishReview'
  | 'MarkProcedureDuplicate'
  | 'MergeProcedure'
  | 'AbolishProcedure'
  | 'ReinstateProcedure';

/**
 * How likely each change is for a procedure as it stands; only changes its rules accept get weight,
 * so that the generator never sends a command the decider refuses. Empty for a merged procedure.
 */
export function procedureChangeWeights(
  procedure: ProcedureDocument,
): Partial<Record<ProcedureChange, number>> {
  const requirements = procedure.requirements.length;
  const steps = procedure.steps.length;
  const content: Partial<Record<ProcedureChange, number>> = {
    AddRequirement: requirements < MAX_REQUIREMENTS ? 14 : 0,
    RemoveRequirement: requirements > 1 ? 14 : 0,
    ReplaceRequirement: requirements > 0 ? 10 : 0,
    AddStep: steps < MAX_STEPS ? 8 : 0,
    RemoveStep: steps > 1 ? 6 : 0,
    ReorderSteps: steps > 1 ? 4 : 0,
    ChangeDecisionTime: 14,
    ChangeFee: 8,
    ChangeLegalBasis: 4,
  };
  switch (procedure.status) {
    case 'DRAFT':
      return { ...content, ActivateProcedure: 60 };
    case 'ACTIVE':
    case 'SIMPLIFIED':
      return {
        ...content,
        StartReview: 6,
        MarkProcedureDuplicate: 1,
        MergeProcedure: 0.5,
        AbolishProcedure: 1,
      };
    case 'UNDER_REVIEW':
      return { ...content, FinishReview: 25 };
    case 'ABOLISHED':
      return { ReinstateProcedure: 1 };
    case 'MERGED':
      return {};
  }
}

/** The next change, or undefined when the procedure takes none (merged). */
export function nextProcedureChange(
  random: Random,
  procedure: ProcedureDocument,
): ProcedureChange | undefined {
  const weights = Object.fromEntries(
    Object.entries(procedureChangeWeights(procedure)).filter(([, weight]) => (weight ?? 0) > 0),
  ) as Record<ProcedureChange, number>;
  return Object.keys(weights).length === 0 ? undefined : random.weighted(weights);
}

/** A decision time other than the current one, usually shorter: the reform cuts timelines. */
export function nextDecisionDays(random: Random, current: number): number {
  const next = random.chance(0.75)
    ? Math.max(1, current - random.int(1, Math.max(1, Math.ceil(current / 3))))
    : current + random.int(1, 10);
  return next === current ? current + 1 : next;
}

/** A fee in tyiyn other than the current one (null: no fee). */
export function nextFee(random: Random, current: number | null): number | null {
  if (current !== null && random.chance(0.2)) return null;
  for (;;) {
    const fee = random.int(1, 400) * 500;
    if (fee !== current) return fee;
  }
}

export const REQUIREMENT_NAMES: readonly string[] = [
  'Application form',
  'Copy of passport',
  'Taxpayer identification number',
  'Certificate of state registration',
  'Charter of the legal entity',
  'Title deed for the land plot',
  'Lease contract for the premises',
  'Approved architectural design',
  'Topographic survey',
  'Fire safety opinion',
  'Sanitary and epidemiological opinion',
  'Environmental impact assessment',
  'Consent of neighbours',
  'Certificate of no tax arrears',
  'Bank statement',
  'Receipt of the state fee',
  'Power of attorney',
  'Technical passport of the building',
  'Engineering networks connection conditions',
  'Certificate from the address register',
  'Extract from the unified state register',
  'Medical certificate',
  'Diploma or qualification certificate',
  'Employment record book',
  'Photograph 3x4',
  'Military registration document',
  'Certificate of family composition',
  'Birth certificate of the child',
  'Marriage certificate',
  'Cadastral plan of the plot',
  'Veterinary certificate',
  'Phytosanitary certificate',
  'Certificate of conformity',
  'Trade place layout plan',
  'Agreement with the waste collector',
  'Opinion of the district architect',
  'Transport scheme',
  'Security plan of the event',
  'Insurance policy',
  'Business plan',
];

export const STEP_DESCRIPTIONS: readonly string[] = [
  'Submit the application',
  'Register the application',
  'Check the completeness of the documents',
  'Request data from other agencies',
  'Inspect the site',
  'Technical review',
  'Agree with the district architect',
  'Agree with the fire service',
  'Prepare the draft decision',
  'Decision of the head of the authority',
  'Issue the document',
  'Pay the fee',
  'Enter the record in the register',
  'Notify the applicant',
];

export const OFFICES: readonly (string | null)[] = [
  'one-stop shop',
  'service window',
  'architecture department',
  'land department',
  'economy department',
  'legal department',
  'registry office',
  null,
];

export const PROCEDURE_TITLES: readonly (readonly [title: string, category: string])[] = [
  ['Construction permit', 'construction'],
  ['Permit for the reconstruction of a building', 'construction'],
  ['Acceptance of a completed building', 'construction'],
  ['Allocation of a land plot', 'land'],
  ['Change of the designated use of a land plot', 'land'],
  ['Permit for street trade', 'trade'],
  ['Permit for a seasonal market stall', 'trade'],
  ['Licence for the retail sale of alcohol', 'licensing'],
  ['Permit to place outdoor advertising', 'advertising'],
  ['Registration of an individual entrepreneur', 'business-registration'],
  ['Certificate of residence', 'civil-status'],
  ['Certificate of family composition', 'civil-status'],
  ['Permit for a public event', 'public-order'],
  ['Connection to the water supply', 'utilities'],
  ['Permit for earthworks', 'utilities'],
  ['Registration of a taxi service', 'transport'],
  ['Route permit for passenger transport', 'transport'],
  ['Permit to cut trees', 'environment'],
  ['Allocation of social housing', 'social'],
  ['Payment of a childbirth allowance', 'social'],
];

export const REASONS: readonly string[] = [
  'the requirement has no basis in law',
  'the document is obtained by the office itself through interagency exchange',
  'pilot review of the procedure under stage 2 of the reform',
  'the decision time is cut as the Cabinet instructed',
  'the fee is brought in line with the cost of the service',
  'duplicative function identified during the inventory',
  'the step is merged into the one-stop shop',
  'complaint of applicants about repeated visits',
  'the legal act was amended',
  'recommendation of the working group on debureaucratization',
  'the procedure is transferred to electronic form',
  'error in the earlier record corrected',
];

export const LEGAL_BASES: readonly string[] = [
  'Law on the Basics of Administrative Activity and Administrative Procedures, art. 12',
  'Cabinet resolution on the debureaucratization of regional authorities (generated reference)',
  'Town Planning Code, art. 45',
  'Land Code, art. 31',
  'Law on Licensing and Permit System, art. 8',
  'Local council decision on fees (generated reference)',
];

export const INSTRUCTION_TEXTS: readonly string[] = [
  'Eliminate the duplicative functions identified in the inventory of procedures',
  'Cut the decision time of construction procedures by a third',
  'Remove the requirements that other agencies can provide through interagency exchange',
  'Transfer the registration procedures to the one-stop shop',
  'Report on the simplification of trade permits',
  'Publish the updated list of procedures and their requirements',
  'Prepare proposals to merge procedures with the same purpose',
];

export const POSITION_TITLES = { head: ['Akim', 'Mayor', 'Head'], deputy: ['Deputy head', 'Chief of staff'] };

/** A name for a generated official: plainly generated, never a real person's. */
export function officialName(serial: number): string {
  return `Generated Official ${String(serial).padStart(6, '0')}`;
}
