import type {
  DuplicateCandidate as DomainDuplicateCandidate,
  Money as DomainMoney,
  ProcedureDocument,
  ReformMetrics,
} from '@redtape/procedures-domain';
import type { AuditEntry as AuditRecord, ProcedureRecord } from '@redtape/procedures-read-model';
import type { Page } from '@redtape/procedures-read-model';
import type { DuplicateKind, GovernmentLevel, ProcedureStatus } from './enums.js';
import type {
  AuditEntry,
  DuplicateCandidate,
  MetricsSnapshot,
  Money,
  PageInfo,
  Procedure,
} from './models.js';

export function toMoney(money: DomainMoney | null): Money | null {
  return money === null ? null : { amount: money.tyiyn / 100, currency: money.currency };
}

export function toProcedure(document: ProcedureDocument, revision: number): Procedure {
  return {
    id: document.procedureId,
    title: document.title,
    category: document.category,
    status: document.status as ProcedureStatus,
    level: document.level as GovernmentLevel,
    authority: { id: document.authorityId },
    unit: { id: document.unitId },
    requirements: document.requirements.map((r) => ({
      id: r.requirementId,
      name: r.name,
      originals: r.originals,
      copies: r.copies,
      note: r.note,
    })),
    steps: document.steps.map((s) => ({ id: s.stepId, description: s.description, office: s.office })),
    decisionDays: document.decisionDays,
    fee: toMoney(document.fee),
    legalBasis: document.legalBasis,
    duplicateOfId: document.duplicateOf,
    mergedIntoId: document.mergedInto,
    revision,
  };
}

export function toProcedureFromRecord(record: ProcedureRecord): Procedure {
  return toProcedure(record, record.revision);
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

export function toAuditEntry(entry: AuditRecord): AuditEntry {
  return {
    id: entry.eventId,
    procedureId: entry.procedureId,
    revision: entry.revision,
    eventType: entry.eventType,
    occurredAt: new Date(entry.occurredAt),
    recordedAt: new Date(entry.recordedAt),
    actor: entry.actor,
    reason: entry.reason,
    legalBasis: entry.legalBasis,
    commandId: entry.commandId,
    changes: entry.changes.map((change) => ({
      field: change.field,
      before: json(change.before),
      after: json(change.after),
    })),
  };
}

export function toConnection<Node, Out>(page: Page<Node>, toNode: (node: Node) => Out) {
  const pageInfo: PageInfo = { hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  return { nodes: page.nodes.map(toNode), pageInfo, totalCount: page.totalCount };
}

export function toMetricsSnapshot(metrics: ReformMetrics): MetricsSnapshot {
  return {
    activeProcedures: metrics.activeProcedures,
    totalRequirements: metrics.totalRequirements,
    totalDecisionDays: metrics.totalDecisionDays,
    medianDecisionDays: metrics.medianDecisionDays,
    totalFees: { amount: metrics.totalFeesTyiyn / 100, currency: 'KGS' },
  };
}

export function toDuplicateCandidate(
  candidate: DomainDuplicateCandidate,
  procedureById: (id: string) => Procedure,
): DuplicateCandidate {
  const side = (s: DomainDuplicateCandidate['left']) => ({
    unit: { id: s.unitId },
    procedure: procedureById(s.procedureId),
    requirementId: s.requirementId ?? null,
    name: s.name,
  });
  return {
    kind: candidate.kind as DuplicateKind,
    score: candidate.score,
    left: side(candidate.left),
    right: side(candidate.right),
  };
}
