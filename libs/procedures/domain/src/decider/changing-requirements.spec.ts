import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import {
  DuplicateRequirementName,
  RequirementAlreadyExists,
  RequirementNotFound,
} from '../errors/requirement-errors.js';
import {
  InvalidDocumentCount,
  InvalidId,
  RequiredTextMissing,
  RequirementAsksForNothing,
  TextTooLong,
} from '../errors/value-errors.js';
import type { ProcedureEvent, Requirement } from '../procedure-events.js';
import {
  command,
  leaseContract,
  passportCopy,
  registered,
  reviewStarted,
  taxCertificate,
} from '../testing/procedure-fixtures.js';
import { procedureDecider } from './procedure-decider.js';

const spec = deciderSpec(procedureDecider);

const add = (requirement: Requirement) => command('AddRequirement', { requirement });
const remove = (requirementId: string) => command('RemoveRequirement', { requirementId });
const replace = (requirement: Requirement) => command('ReplaceRequirement', { requirement });
const added = (requirement: Requirement): ProcedureEvent => ({
  type: 'RequirementAdded',
  data: { requirement },
});

describe('adding a requirement', () => {
  it('records the new requirement', () =>
    spec
      .given([registered()])
      .when(add(leaseContract))
      .then([added(leaseContract)]));

  it('records it trimmed, with a blank note as null', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, name: '  Lease contract for the trading place ', note: ' ' }))
      .then([added(leaseContract)]));

  it('adds to a procedure under review, where requirements are cut and reworded', () =>
    spec
      .given([registered(), reviewStarted()])
      .when(add(leaseContract))
      .then([added(leaseContract)]));

  it('refuses a requirement whose name normalizes to one the procedure already asks for', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, name: 'copy of PASSPORT' }))
      .thenThrows(DuplicateRequirementName, {
        code: 'BAD_USER_INPUT',
        requirementId: 'lease-contract',
        requirementName: 'copy of PASSPORT',
        existingRequirementId: 'passport-copy',
      }));

  it('refuses a Cyrillic name that differs from an existing one only in ё and spacing', () =>
    spec
      .given([registered({ requirements: [{ ...passportCopy, name: 'Учётная карточка' }] })])
      .when(add({ ...leaseContract, name: 'учетная  карточка' }))
      .thenThrows(DuplicateRequirementName, { existingRequirementId: 'passport-copy' }));

  it('appends nothing when the same requirement is added again', () =>
    spec.given([registered()]).when(add(passportCopy)).thenNothing());

  it('refuses other content under an id the procedure already uses, as a conflict', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, requirementId: 'passport-copy' }))
      .thenThrows(RequirementAlreadyExists, { code: 'CONFLICT', requirementId: 'passport-copy' }));

  it('refuses a requirement id that is not a slug', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, requirementId: 'lease contract' }))
      .thenThrows(InvalidId, { code: 'BAD_USER_INPUT', field: 'requirement.requirementId' }));

  it('refuses a blank name', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, name: '' }))
      .thenThrows(RequiredTextMissing, { field: 'requirement.name' }));

  it('refuses a name longer than 300 characters', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, name: 'n'.repeat(301) }))
      .thenThrows(TextTooLong, { field: 'requirement.name', maxLength: 300 }));

  it('refuses a negative number of originals', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, originals: -1 }))
      .thenThrows(InvalidDocumentCount, {
        code: 'BAD_USER_INPUT',
        field: 'requirement.originals',
        count: -1,
      }));

  it('refuses a requirement that asks for nothing', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, originals: 0, copies: 0 }))
      .thenThrows(RequirementAsksForNothing, { code: 'BAD_USER_INPUT' }));

  it('accepts a requirement of only originals', () =>
    spec
      .given([registered()])
      .when(add({ ...leaseContract, originals: 2, copies: 0 }))
      .then([added({ ...leaseContract, originals: 2, copies: 0 })]));
});

describe('removing a requirement', () => {
  it('records the removal with the name the requirement had', () =>
    spec
      .given([registered()])
      .when(remove('tax-certificate'))
      .then([
        {
          type: 'RequirementRemoved',
          data: { requirementId: 'tax-certificate', name: 'Tax clearance certificate' },
        },
      ]));

  it('reports a requirement the procedure does not have as not found', () =>
    spec
      .given([registered()])
      .when(remove('lease-contract'))
      .thenThrows(RequirementNotFound, { code: 'NOT_FOUND', requirementId: 'lease-contract' }));

  it('reports a requirement removed before as not found', () =>
    spec
      .given([
        registered(),
        { type: 'RequirementRemoved', data: { requirementId: 'tax-certificate', name: taxCertificate.name } },
      ])
      .when(remove('tax-certificate'))
      .thenThrows(RequirementNotFound));

  it('refuses a requirement id that is not a slug', () =>
    spec.given([registered()]).when(remove('')).thenThrows(InvalidId, { field: 'requirementId' }));
});

describe('replacing a requirement', () => {
  const fewerCopies: Requirement = { ...taxCertificate, originals: 0, copies: 1, note: null };

  it('records the requirement before and after', () =>
    spec
      .given([registered()])
      .when(replace(fewerCopies))
      .then([{ type: 'RequirementReplaced', data: { before: taxCertificate, after: fewerCopies } }]));

  it('lets a requirement keep its own name in another spelling', () =>
    spec
      .given([registered()])
      .when(replace({ ...passportCopy, name: 'Copy of the passport' }))
      .then([
        {
          type: 'RequirementReplaced',
          data: { before: passportCopy, after: { ...passportCopy, name: 'Copy of the passport' } },
        },
      ]));

  it('appends nothing when the content stays the same', () =>
    spec.given([registered()]).when(replace(taxCertificate)).thenNothing());

  it('appends nothing when the content differs only in white space around it', () =>
    spec
      .given([registered()])
      .when(replace({ ...taxCertificate, name: ` ${taxCertificate.name} ` }))
      .thenNothing());

  it('refuses a new name that another requirement of the procedure already has', () =>
    spec
      .given([registered()])
      .when(replace({ ...taxCertificate, name: 'Copy of passport' }))
      .thenThrows(DuplicateRequirementName, {
        code: 'BAD_USER_INPUT',
        requirementId: 'tax-certificate',
        existingRequirementId: 'passport-copy',
      }));

  it('reports a requirement the procedure does not have as not found', () =>
    spec
      .given([registered()])
      .when(replace(leaseContract))
      .thenThrows(RequirementNotFound, { code: 'NOT_FOUND', requirementId: 'lease-contract' }));

  it('refuses new content that asks for nothing', () =>
    spec
      .given([registered()])
      .when(replace({ ...taxCertificate, originals: 0, copies: 0 }))
      .thenThrows(RequirementAsksForNothing));
});
