import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import type { ProcedureCommand } from '../commands/procedure-commands.js';
import { ProcedureClosed, ProcedureNotRegistered, ReasonRequired } from '../errors/procedure-errors.js';
import {
  abolished,
  command,
  EVERY_CHANGE,
  merged,
  metadataWith,
  registered,
} from '../testing/procedure-fixtures.js';
import { procedureDecider } from './procedure-decider.js';

const spec = deciderSpec(procedureDecider);

const withReason = (command: ProcedureCommand, reason: string | null): ProcedureCommand =>
  ({ ...command, metadata: metadataWith(reason) }) as ProcedureCommand;

const typeOf = (command: ProcedureCommand): [string, ProcedureCommand] => [command.type, command];
const EVERY_CHANGE_BUT_REINSTATEMENT = EVERY_CHANGE.filter((c) => c.type !== 'ReinstateProcedure').map(
  typeOf,
);

describe('rules for every change after registration', () => {
  it.each(EVERY_CHANGE.map(typeOf))('reports %s on an unregistered procedure as not found', (type, command) =>
    spec.given([]).when(command).thenThrows(ProcedureNotRegistered, { code: 'NOT_FOUND', action: type }),
  );

  it.each(EVERY_CHANGE.map(typeOf))('refuses %s without a reason', (type, command) =>
    spec
      .given([registered()])
      .when(withReason(command, null))
      .thenThrows(ReasonRequired, { code: 'BAD_USER_INPUT', action: type }),
  );

  it.each(EVERY_CHANGE.map(typeOf))('refuses %s with a blank reason', (type, command) =>
    spec
      .given([registered()])
      .when(withReason(command, '  \n '))
      .thenThrows(ReasonRequired, { code: 'BAD_USER_INPUT', action: type }),
  );

  it('asks for a reason even when the change would change nothing', () =>
    spec
      .given([registered()])
      .when(command('ChangeDecisionTime', { days: 30 }, null))
      .thenThrows(ReasonRequired));

  it.each(EVERY_CHANGE_BUT_REINSTATEMENT)('refuses %s on a merged procedure', (type, command) =>
    spec
      .given([registered(), merged('osh-trade-permit')])
      .when(command)
      .thenThrows(ProcedureClosed, {
        code: 'BAD_USER_INPUT',
        action: type,
        status: 'MERGED',
        mergedInto: 'osh-trade-permit',
      }),
  );

  it.each(EVERY_CHANGE_BUT_REINSTATEMENT)('refuses %s on an abolished procedure', (type, command) =>
    spec
      .given([registered(), abolished()])
      .when(command)
      .thenThrows(ProcedureClosed, { code: 'BAD_USER_INPUT', action: type, status: 'ABOLISHED' }),
  );
});
