import type { ProcedureCommandType } from './procedure-commands.js';

/** What each command does, as error messages say it ("cannot <phrase>: …"). */
export const COMMAND_PHRASES: Readonly<Record<ProcedureCommandType, string>> = {
  RegisterProcedure: 'register the procedure',
  ActivateProcedure: 'activate the procedure',
  AddRequirement: 'add a requirement to the procedure',
  RemoveRequirement: 'remove a requirement from the procedure',
  ReplaceRequirement: 'replace a requirement of the procedure',
  AddStep: 'add a step to the procedure',
  RemoveStep: 'remove a step from the procedure',
  ReorderSteps: 'reorder the steps of the procedure',
  ChangeDecisionTime: 'change the decision time of the procedure',
  ChangeFee: 'change the fee of the procedure',
  ChangeLegalBasis: 'change the legal basis of the procedure',
  StartReview: 'start a review of the procedure',
  FinishReview: 'finish the review of the procedure',
  MarkProcedureDuplicate: 'mark the procedure as a duplicate',
  MergeProcedure: 'merge the procedure',
  AbolishProcedure: 'abolish the procedure',
  ReinstateProcedure: 'reinstate the procedure',
};
