/**
 * What the accountability context publishes to Kafka: every stored event mapped explicitly, field by
 * field, into a versioned integration event (CloudEvent type
 * `redtape.accountability.<EventType>.v<version>`). The relay adds who, why and when (actor, reason,
 * legalBasis, occurredAt) from the metadata; nothing else leaves by accident. A changed shape is a new
 * version here and a new JSON Schema in contracts/schemas/accountability/.
 *
 * Conventions: ids are named for what they identify (`procedureId`, `reportedByOfficialId`), so a
 * consumer joins them with the other contexts' events without reading this file; a change carries
 * the new value and the old one as `previous…`.
 */
import type { DomainEvent } from '@redtape/event-sourcing';
import type { AccountabilityEvent, Figure } from './accountability-events.js';

type JsonObject = DomainEvent['data'];

/** The part of a stored, upcast event a mapping reads; an EventEnvelope has it, so the relay passes one. */
type Source<E extends AccountabilityEvent> = { readonly streamId: string; readonly data: E['data'] };

type TypedCatalog = {
  readonly [T in AccountabilityEvent['type']]: {
    readonly version: number;
    map(event: Source<Extract<AccountabilityEvent, { type: T }>>): JsonObject;
  };
};

/** One entry per event type: the integration event's version and its event-specific part. */
export type AccountabilityIntegrationEventCatalog = {
  readonly [T in AccountabilityEvent['type']]: {
    readonly version: number;
    map(event: { readonly streamId: string; readonly data: JsonObject }): JsonObject;
  };
};

const figures = (reported: readonly Figure[]): JsonObject[] =>
  reported.map(({ name, value, unit }) => ({ name, value, unit }));

const mappings = {
  OfficialRegistered: {
    version: 1,
    map: ({ data }) => ({ officialId: data.officialId, name: data.name }),
  },
  OfficialAppointed: {
    version: 1,
    map: ({ data }) => ({
      officialId: data.officialId,
      authorityId: data.authorityId,
      unitId: data.unitId,
      title: data.title,
      head: data.head,
      appointedOn: data.appointedOn,
    }),
  },
  OfficialRelievedOfDuties: {
    version: 1,
    map: ({ data }) => ({
      officialId: data.officialId,
      authorityId: data.authorityId,
      unitId: data.unitId,
      head: data.head,
      relievedOn: data.relievedOn,
    }),
  },
  ResponsibilityAssigned: {
    version: 1,
    // The only subject so far is a procedure; another subject would be a new shape, so a new version.
    map: ({ data }) => ({
      procedureId: data.subjectId,
      officialId: data.officialId,
      previousOfficialId: data.previousOfficialId,
      assignedOn: data.assignedOn,
    }),
  },
  MeetingHeld: {
    version: 1,
    map: ({ data }) => ({
      meetingId: data.meetingId,
      heldOn: data.heldOn,
      level: data.level,
      unitId: data.unitId,
      title: data.title,
      chairName: data.chair,
      chairOfficialId: data.chairOfficialId,
      agenda: [...data.agenda],
    }),
  },
  InstructionIssued: {
    version: 1,
    map: ({ data }) => ({
      instructionId: data.instructionId,
      meetingId: data.meetingId,
      text: data.text,
      issuedOn: data.issuedOn,
      deadline: data.deadline,
      assigneeOfficialId: data.assigneeOfficialId,
      authorityId: data.authorityId,
      unitId: data.unitId,
    }),
  },
  ProgressReported: {
    version: 1,
    map: ({ data }) => ({
      instructionId: data.instructionId,
      reportId: data.reportId,
      reportedOn: data.reportedOn,
      reportedByOfficialId: data.byOfficialId,
      text: data.text,
      figures: figures(data.figures),
    }),
  },
  InstructionCompleted: {
    version: 1,
    map: ({ data }) => ({
      instructionId: data.instructionId,
      completedOn: data.completedOn,
      late: data.late,
    }),
  },
  InstructionBecameOverdue: {
    version: 1,
    map: ({ data }) => ({
      instructionId: data.instructionId,
      deadline: data.deadline,
      detectedOn: data.detectedOn,
    }),
  },
  InstructionReassigned: {
    version: 1,
    map: ({ data }) => ({
      instructionId: data.instructionId,
      previousAssigneeOfficialId: data.fromOfficialId,
      assigneeOfficialId: data.toOfficialId,
      reassignedOn: data.reassignedOn,
    }),
  },
  UnitProgressReported: {
    version: 1,
    map: ({ data }) => ({
      reportId: data.reportId,
      unitId: data.unitId,
      meetingId: data.meetingId,
      reportedOn: data.reportedOn,
      reportedByOfficialId: data.byOfficialId,
      text: data.text,
      figures: figures(data.figures),
    }),
  },
} satisfies TypedCatalog;

/**
 * The accountability catalog for the Kafka relay. Each mapping is typed against its own event above;
 * the relay looks an entry up by the stored event's type, so the data it passes is that event's data.
 */
export const accountabilityIntegrationEvents: AccountabilityIntegrationEventCatalog = mappings;
