import { randomUUID } from 'node:crypto';

/** A stream name no other test uses, so suites share a store without wiping it. */
export function uniqueStream(category = 'contract'): string {
  return `${category}-${randomUUID()}`;
}

export function newEventId(): string {
  return randomUUID();
}
