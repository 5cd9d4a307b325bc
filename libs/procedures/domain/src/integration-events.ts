/**
 * What the procedures context publishes to Kafka: every stored event mapped explicitly, field by
 * field, into a versioned integration event (CloudEvent type `redtape.procedures.<EventType>.v<version>`).
 * The relay adds who, why and when (actor, reason, legalBasis, occurredAt) from the metadata; nothing
 * else leaves by accident. A changed shape is a new version here and a new JSON Schema in
 * contracts/schemas/procedures/.
 *
 * Conventions: every event names its `procedureId`; a change carries the new value under the name
 * ProcedureRegistered uses and the old one as `previous…`; lifecycle events carry the `status` they
 * leave the procedure in. The procedure's own legal basis is `procedureLegalBasis`, because
 * `legalBasis` on every integration event is the legal basis of the change itself.
 */
import type { DomainEvent } from '@redtape/event-sourcing';
import {
  procedureIdOfStream,
  type Money,
  type ProcedureEvent,
  type Requirement,
  type Step,
} from './procedure-events.js';

type JsonObject = DomainEvent['data'];

/** The part of a stored, upcast event a mapping reads; an EventEnvelope has it, so the relay passes one. */
type Source<E extends ProcedureEvent> = { readonly streamId: string; readonly data: E['data'] };

type TypedCatalog = {
  readonly [T in ProcedureEvent['type']]: {
    readonly version: number;
    map(event: Source<Extract<ProcedureEvent, { type: T }>>): JsonObject;
  };
};

/** One entry per event type: the integration event's version and its event-specific part. */
export type ProceduresIntegrationEventCatalog = {
  readonly [T in ProcedureEvent['type']]: {
    readonly version: number;
    map(event: { readonly streamId: string; readonly data: JsonObject }): JsonObject;
  };
};

const fee = (money: Money | null): JsonObject | null =>
  money === null ? null : { amountTyiyn: money.tyiyn, currency: money.currency };

const requirement = (r: Requirement): JsonObject => ({
  requirementId: r.requirementId,
  name: r.name,
  originals: r.originals,
  copies: r.copies,
  note: r.note,
});

const step = (s: Step): JsonObject => ({ stepId: s.stepId, description: s.description, office: s.office });

const mappings = {
  ProcedureRegistered: {
    version: 1,
    map: ({ data }) => ({
      procedureId: data.procedureId,
      authorityId: data.authorityId,
      unitId: data.unitId,
      level: data.level,
      title: data.title,
      category: data.category,
      requirements: data.requirements.map(requirement),
      steps: data.steps.map(step),
      decisionDays: data.decisionDays,
      fee: fee(data.fee),
      procedureLegalBasis: data.legalBasis,
      status: data.status,
    }),
  },
  ProcedureActivated: {
    version: 1,
    map: ({ streamId }) => ({ procedureId: procedureIdOfStream(streamId), status: 'ACTIVE' }),
  },
  RequirementAdded: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      requirement: requirement(data.requirement),
    }),
  },
  RequirementRemoved: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      requirementId: data.requirementId,
      requirementName: data.name,
    }),
  },
  RequirementReplaced: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      // A replacement keeps the requirement's id; the decider looks the old one up by it.
      requirementId: data.after.requirementId,
      previousRequirement: requirement(data.before),
      requirement: requirement(data.after),
    }),
  },
  StepAdded: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      step: step(data.step),
      position: data.position,
    }),
  },
  StepRemoved: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      stepId: data.stepId,
      stepDescription: data.description,
    }),
  },
  StepsReordered: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      previousStepIds: [...data.from],
      stepIds: [...data.to],
    }),
  },
  DecisionTimeChanged: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      previousDecisionDays: data.from,
      decisionDays: data.to,
    }),
  },
  FeeChanged: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      previousFee: fee(data.from),
      fee: fee(data.to),
    }),
  },
  LegalBasisChanged: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      previousProcedureLegalBasis: data.from,
      procedureLegalBasis: data.to,
    }),
  },
  ReviewStarted: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      previousStatus: data.from,
      status: 'UNDER_REVIEW',
    }),
  },
  ReviewFinished: {
    version: 1,
    map: ({ streamId, data }) => ({ procedureId: procedureIdOfStream(streamId), status: data.outcome }),
  },
  ProcedureMarkedDuplicate: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      duplicateOfProcedureId: data.duplicateOf,
    }),
  },
  ProcedureMerged: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      mergedIntoProcedureId: data.into,
      previousStatus: data.from,
      status: 'MERGED',
    }),
  },
  ProcedureAbolished: {
    version: 1,
    map: ({ streamId, data }) => ({
      procedureId: procedureIdOfStream(streamId),
      previousStatus: data.from,
      status: 'ABOLISHED',
    }),
  },
  ProcedureReinstated: {
    version: 1,
    map: ({ streamId, data }) => ({ procedureId: procedureIdOfStream(streamId), status: data.to }),
  },
} satisfies TypedCatalog;

/** The data each published event carries (before the common part), as its mapping builds it. */
export type ProceduresIntegrationData = {
  readonly [T in keyof typeof mappings]: ReturnType<(typeof mappings)[T]['map']>;
};

/**
 * The procedures catalog for the Kafka relay. Each mapping is typed against its own event above; the
 * relay looks an entry up by the stored event's type, so the data it passes is that event's data.
 */
export const proceduresIntegrationEvents: ProceduresIntegrationEventCatalog = mappings;
