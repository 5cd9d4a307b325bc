import type { IntegrationEvent } from '@redtape/event-sourcing';
import type { ProceduresIntegrationData } from '../integration-events.js';

export type PublishedProcedureEvent<T extends keyof ProceduresIntegrationData> = IntegrationEvent & {
  readonly type: T;
  readonly data: ProceduresIntegrationData[T];
};

/** Narrows a published procedures event to one type: the catalog's mapping built its data. */
export function publishedAs<T extends keyof ProceduresIntegrationData>(
  event: IntegrationEvent,
  type: T,
): event is PublishedProcedureEvent<T> {
  return event.type === type;
}
