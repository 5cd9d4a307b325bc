import type { Actor, ActorRole } from '@redtape/event-sourcing';

// Roles that record what an official reported elsewhere (at a meeting, on paper, in a sample load).
const RECORDING_ON_BEHALF: readonly ActorRole[] = ['cabinet', 'admin', 'system'];

/** Whether the actor may file a report in `officialId`'s name: an official only in their own. */
export function mayReportAs(actor: Actor, officialId: string): boolean {
  if (actor.role === 'official') return actor.id === officialId;
  return RECORDING_ON_BEHALF.includes(actor.role);
}
