import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { StepAlreadyExists, StepNotFound, StepOrderNotAPermutation } from '../errors/step-errors.js';
import { InvalidId, InvalidStepPosition, RequiredTextMissing, TextTooLong } from '../errors/value-errors.js';
import type { Step } from '../procedure-events.js';
import { command, inspect, pay, registered } from '../testing/procedure-fixtures.js';
import { procedureDecider } from './procedure-decider.js';

const spec = deciderSpec(procedureDecider);

const addStep = (step: Step, position?: number) =>
  command('AddStep', position === undefined ? { step } : { step, position });
const removeStep = (stepId: string) => command('RemoveStep', { stepId });
const reorder = (...order: string[]) => command('ReorderSteps', { order });

describe('adding a step', () => {
  it('adds the step at the end when no position is given', () =>
    spec
      .given([registered()])
      .when(addStep(pay))
      .then([{ type: 'StepAdded', data: { step: pay, position: 3 } }]));

  it('adds the step at the given position', () =>
    spec
      .given([registered()])
      .when(addStep(pay, 1))
      .then([{ type: 'StepAdded', data: { step: pay, position: 1 } }]));

  it('adds a first step at position 0', () =>
    spec
      .given([registered()])
      .when(addStep(pay, 0))
      .then([{ type: 'StepAdded', data: { step: pay, position: 0 } }]));

  it('adds the first step of a procedure without steps', () =>
    spec
      .given([registered({ steps: [] })])
      .when(addStep(pay))
      .then([{ type: 'StepAdded', data: { step: pay, position: 0 } }]));

  it('records the step trimmed, with a blank office as null', () =>
    spec
      .given([registered()])
      .when(addStep({ stepId: 'pay', description: '  Pay the fee ', office: '  ' }))
      .then([{ type: 'StepAdded', data: { step: { ...pay, office: null }, position: 3 } }]));

  it.each([-1, 4, 1.5])('refuses position %p for a procedure of 3 steps', (position) =>
    spec
      .given([registered()])
      .when(addStep(pay, position))
      .thenThrows(InvalidStepPosition, { code: 'BAD_USER_INPUT', position, stepCount: 3 }),
  );

  it('appends nothing when the same step is added again', () =>
    spec.given([registered()]).when(addStep(inspect)).thenNothing());

  it('adds the step at the end when the position is null, as a GraphQL client may send it', () =>
    spec
      .given([registered()])
      .when(command('AddStep', { step: pay, position: null as unknown as number }))
      .then([{ type: 'StepAdded', data: { step: pay, position: 3 } }]));

  it('appends nothing when the same step is added again at the place it already has', () =>
    spec.given([registered()]).when(addStep(inspect, 1)).thenNothing());

  it('refuses to add a step again at another place, as a conflict', () =>
    spec
      .given([registered()])
      .when(addStep(inspect, 0))
      .thenThrows(StepAlreadyExists, { code: 'CONFLICT', stepId: 'inspect' }));

  it('refuses another step under an id the procedure already uses, as a conflict', () =>
    spec
      .given([registered()])
      .when(addStep({ ...pay, stepId: 'apply' }))
      .thenThrows(StepAlreadyExists, { code: 'CONFLICT', stepId: 'apply' }));

  it('refuses a step id that is not a slug', () =>
    spec
      .given([registered()])
      .when(addStep({ ...pay, stepId: 'pay/fee' }))
      .thenThrows(InvalidId, { field: 'step.stepId', value: 'pay/fee' }));

  it('refuses a step without a description', () =>
    spec
      .given([registered()])
      .when(addStep({ ...pay, description: ' ' }))
      .thenThrows(RequiredTextMissing, { field: 'step.description' }));

  it('refuses an office name longer than 300 characters', () =>
    spec
      .given([registered()])
      .when(addStep({ ...pay, office: 'o'.repeat(301) }))
      .thenThrows(TextTooLong, { field: 'step.office' }));
});

describe('removing a step', () => {
  it('records the removal with the description the step had', () =>
    spec
      .given([registered()])
      .when(removeStep('inspect'))
      .then([
        { type: 'StepRemoved', data: { stepId: 'inspect', description: 'Inspect the trading place' } },
      ]));

  it('reports a step the procedure does not have as not found', () =>
    spec
      .given([registered()])
      .when(removeStep('pay'))
      .thenThrows(StepNotFound, { code: 'NOT_FOUND', stepId: 'pay' }));
});

describe('reordering the steps', () => {
  it('records the order before and after', () =>
    spec
      .given([registered()])
      .when(reorder('apply', 'decide', 'inspect'))
      .then([
        {
          type: 'StepsReordered',
          data: { from: ['apply', 'inspect', 'decide'], to: ['apply', 'decide', 'inspect'] },
        },
      ]));

  it('takes the order before from the steps as they stand after earlier changes', () =>
    spec
      .given([registered(), { type: 'StepAdded', data: { step: pay, position: 0 } }])
      .when(reorder('apply', 'pay', 'inspect', 'decide'))
      .then([
        {
          type: 'StepsReordered',
          data: { from: ['pay', 'apply', 'inspect', 'decide'], to: ['apply', 'pay', 'inspect', 'decide'] },
        },
      ]));

  it('appends nothing when the order stays the same', () =>
    spec
      .given([registered()])
      .when(reorder('apply', 'inspect', 'decide'))
      .thenNothing());

  it('refuses an order that leaves a step out', () =>
    spec
      .given([registered()])
      .when(reorder('apply', 'decide'))
      .thenThrows(StepOrderNotAPermutation, {
        code: 'BAD_USER_INPUT',
        missing: ['inspect'],
        unknown: [],
        repeated: [],
      }));

  it('refuses an order that names a step the procedure does not have', () =>
    spec
      .given([registered()])
      .when(reorder('apply', 'inspect', 'decide', 'pay'))
      .thenThrows(StepOrderNotAPermutation, { missing: [], unknown: ['pay'], repeated: [] }));

  it('refuses an order that names a step twice', () =>
    spec
      .given([registered()])
      .when(reorder('apply', 'inspect', 'inspect', 'decide'))
      .thenThrows(StepOrderNotAPermutation, { missing: [], unknown: [], repeated: ['inspect'] }));

  it('says everything that is wrong with an order at once', () =>
    spec
      .given([registered()])
      .when(reorder('decide', 'decide', 'pay'))
      .thenThrows(StepOrderNotAPermutation, {
        missing: ['apply', 'inspect'],
        unknown: ['pay'],
        repeated: ['decide'],
        message:
          'a new order must list every current step exactly once, but it leaves out apply, inspect; ' +
          'the procedure has no step pay; it names decide more than once',
      }));

  it('appends nothing for an empty order of a procedure without steps', () =>
    spec
      .given([registered({ steps: [] })])
      .when(reorder())
      .thenNothing());
});
