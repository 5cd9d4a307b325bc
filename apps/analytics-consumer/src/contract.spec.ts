/**
 * The consumer writes the contract out itself, as a consumer outside this repository would; these
 * checks keep that copy equal to what the relay sends and the catalogs publish.
 */
import { describe, expect, it } from '@jest/globals';
import {
  INTEGRATION_CONTEXTS,
  INTEGRATION_EVENT_CATALOGS,
  ceTypeOf,
  schemaFor,
  topicOf as contractTopicOf,
} from '@redtape/event-contracts';
import { HEADER as RELAY_HEADER, topicFor } from '@redtape/kafka-relay';
import { CONTEXTS, CONTENT_TYPE, HEADER, REDTAPE_TOPICS, SPEC_VERSION, ceType, topicOf } from './contract.js';
import { FOLDED_CE_TYPES } from './message/read-fact.js';
import { RelayedHistory, registration } from './testing/relayed-events.js';

/**
 * Payload fields on what the metrics keep: a procedure's status, requirements or decision time, an
 * instruction.
 */
const METRIC_FIELDS = [
  'status',
  'requirements',
  'requirement',
  'requirementId',
  'decisionDays',
  'instructionId',
];

/** Published event types carrying such a field that the metrics leave alone on purpose, and why. */
const IGNORED_CE_TYPES: Readonly<Record<string, string>> = {
  'redtape.procedures.RequirementReplaced.v1': 'one requirement for another: the count stays',
  'redtape.accountability.InstructionReassigned.v1':
    'another assignee; the unit the instruction counts for stays',
  'redtape.accountability.ProgressReported.v1': 'a report on an instruction changes none of its counts',
};

const PUBLISHED = INTEGRATION_CONTEXTS.flatMap((context) =>
  Object.entries(INTEGRATION_EVENT_CATALOGS[context]).map(([type, { version }]) => ({
    context,
    type,
    version,
    ceType: ceTypeOf(context, type, version),
  })),
);

describe('the contract as this consumer reads it', () => {
  it('names the same contexts and topics as the relay and the AsyncAPI contract', () => {
    expect([...CONTEXTS]).toEqual([...INTEGRATION_CONTEXTS]);
    for (const context of CONTEXTS) {
      expect(topicOf(context)).toBe(topicFor(context));
      expect(topicOf(context)).toBe(contractTopicOf(context));
    }
    expect(REDTAPE_TOPICS).toEqual([
      'redtape.regions.events.v1',
      'redtape.procedures.events.v1',
      'redtape.accountability.events.v1',
    ]);
  });

  it('uses the relay’s header names', () => {
    const { correlationId: _correlationId, causationId: _causationId, ...relayHeaders } = RELAY_HEADER;
    expect(HEADER).toEqual(relayHeaders);
  });

  it('expects the spec version and content type the relay sends', () => {
    const { record } = new RelayedHistory().procedure(
      'p1',
      'ProcedureRegistered',
      registration('p1'),
      '2026-02-10T09:00:00Z',
    );
    expect(record.headers[HEADER.specversion]).toBe(SPEC_VERSION);
    expect(record.headers[HEADER.contentType]).toBe(CONTENT_TYPE);
    expect(record.headers[HEADER.type]).toBe(ceType('procedures', 'ProcedureRegistered', 1));
  });

  it('folds only event types the catalogs publish, in the version they publish', () => {
    const published = PUBLISHED.map(({ ceType }) => ceType);
    expect(FOLDED_CE_TYPES.filter((folded) => !published.includes(folded))).toEqual([]);
    expect(FOLDED_CE_TYPES).toHaveLength(13);
  });

  it('folds every published event type that carries a figure of the metrics, or says why not', () => {
    // A new event type (or version) that changes a status, the requirements or the decision time
    // would otherwise go by unnoticed: the consumer counts it for dedupe and moves no metric.
    const carrying = PUBLISHED.filter(({ context, type, version }) => {
      const fields = Object.keys((schemaFor(context, type, version)['properties'] ?? {}) as object);
      return fields.some((field) => METRIC_FIELDS.includes(field));
    }).map(({ ceType }) => ceType);
    expect(
      carrying.filter((ceType) => !FOLDED_CE_TYPES.includes(ceType) && !(ceType in IGNORED_CE_TYPES)),
    ).toEqual([]);
    // The list of exceptions stays honest: each is published, carries such a field and is not folded.
    expect(
      Object.keys(IGNORED_CE_TYPES).filter(
        (ceType) => !carrying.includes(ceType) || FOLDED_CE_TYPES.includes(ceType),
      ),
    ).toEqual([]);
  });
});
