/**
 * Kafka messages exactly as the relay publishes them: domain events of each context go through the
 * relay's own mapping (`toKafkaRecord` with the domain's integration catalog), and each value is
 * checked against its JSON Schema under contracts/. The consumer is tested on what it will really
 * receive, not on a copy of the format.
 */
import {
  accountabilityIntegrationEvents,
  instructionStream,
  type AccountabilityEvent,
} from '@redtape/accountability-domain';
import { validateIntegrationEvent, type IntegrationContext } from '@redtape/event-contracts';
import type { JsonObject } from '@redtape/event-store';
import { toKafkaRecord, type IntegrationEventCatalog, type KafkaRecord } from '@redtape/kafka-relay';
import {
  procedureStream,
  proceduresIntegrationEvents,
  type ProcedureEvent,
  type ProcedureRegisteredData,
} from '@redtape/procedures-domain';
import { regionsIntegrationEvents, unitStream, type RegionsEvent } from '@redtape/regions-domain';
import { randomUUID } from 'node:crypto';

type DataOf<E extends { type: string; data: object }, T extends E['type']> = Extract<E, { type: T }>['data'];

const CATALOGS: Record<IntegrationContext, IntegrationEventCatalog> = {
  regions: regionsIntegrationEvents,
  procedures: proceduresIntegrationEvents,
  accountability: accountabilityIntegrationEvents,
};

/** A message on its context's topic. */
export interface RelayedMessage {
  readonly context: IntegrationContext;
  readonly record: KafkaRecord;
}

/**
 * A history of stored events across the three contexts, numbered as an event store would: each
 * stream's revisions from 0, one global position. `skip` leaves a revision out, as a lost message would.
 */
export class RelayedHistory {
  private readonly revisions = new Map<string, bigint>();
  private position = 0n;

  procedure<T extends ProcedureEvent['type']>(
    procedureId: string,
    type: T,
    data: DataOf<ProcedureEvent, T>,
    occurredAt: string,
  ): RelayedMessage {
    return this.event('procedures', procedureStream(procedureId), type, data, occurredAt);
  }

  instruction<T extends AccountabilityEvent['type']>(
    instructionId: string,
    type: T,
    data: DataOf<AccountabilityEvent, T>,
    occurredAt: string,
  ): RelayedMessage {
    return this.event('accountability', instructionStream(instructionId), type, data, occurredAt);
  }

  unit<T extends RegionsEvent['type']>(
    unitId: string,
    type: T,
    data: DataOf<RegionsEvent, T>,
    occurredAt: string,
  ): RelayedMessage {
    return this.event('regions', unitStream(unitId), type, data, occurredAt);
  }

  /** The stream's next revision is never published. */
  skip(streamId: string): void {
    this.revisions.set(streamId, (this.revisions.get(streamId) ?? 0n) + 1n);
  }

  /** A different event (new id) at a revision the stream already passed. */
  procedureAtRevision<T extends ProcedureEvent['type']>(
    procedureId: string,
    revision: bigint,
    type: T,
    data: DataOf<ProcedureEvent, T>,
    occurredAt: string,
  ): RelayedMessage {
    return this.relay('procedures', procedureStream(procedureId), revision, type, data, occurredAt);
  }

  private event(
    context: IntegrationContext,
    streamId: string,
    type: string,
    data: object,
    occurredAt: string,
  ): RelayedMessage {
    const revision = this.revisions.get(streamId) ?? 0n;
    this.revisions.set(streamId, revision + 1n);
    return this.relay(context, streamId, revision, type, data, occurredAt);
  }

  private relay(
    context: IntegrationContext,
    streamId: string,
    revision: bigint,
    type: string,
    data: object,
    occurredAt: string,
  ): RelayedMessage {
    this.position += 1n;
    const commandId = randomUUID();
    const record = toKafkaRecord(
      {
        id: randomUUID(),
        type,
        streamId,
        revision,
        position: this.position,
        data: data as JsonObject,
        metadata: {
          schemaVersion: 1,
          actor: { id: 'cabinet-1', role: 'cabinet' },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt,
          reason: 'pilot stage 2',
        },
        recordedAt: new Date(occurredAt),
      },
      { context, catalog: CATALOGS[context] },
    );
    const ceType = record.headers['ce_type'] ?? '';
    const validation = validateIntegrationEvent(context, ceType, JSON.parse(record.value));
    if (!validation.valid)
      throw new Error(`test event ${ceType} breaks its schema: ${validation.errors.join('; ')}`);
    return { context, record };
  }
}

/** A procedure's registration with sensible defaults. */
export function registration(
  procedureId: string,
  overrides: Partial<ProcedureRegisteredData> & { requirementCount?: number } = {},
): ProcedureRegisteredData {
  const { requirementCount = 2, ...rest } = overrides;
  return {
    procedureId,
    authorityId: 'district-akimat/nookat',
    unitId: 'district/nookat',
    level: 'DISTRICT',
    title: `Permit ${procedureId}`,
    category: 'trade',
    requirements: Array.from({ length: requirementCount }, (_, index) => ({
      requirementId: `document-${index + 1}`,
      name: `Document ${index + 1}`,
      originals: 1,
      copies: 0,
      note: null,
    })),
    steps: [],
    decisionDays: 30,
    fee: null,
    legalBasis: null,
    status: 'ACTIVE',
    ...rest,
  };
}

/** An instruction issued to a unit's head, with sensible defaults. */
export function issuance(
  instructionId: string,
  unitId: string,
): DataOf<AccountabilityEvent, 'InstructionIssued'> {
  return {
    instructionId,
    meetingId: null,
    text: 'Eliminate duplicative functions',
    issuedOn: '2026-02-10',
    deadline: '2026-03-31',
    assigneeOfficialId: 'akim-1',
    authorityId: null,
    unitId,
  };
}
