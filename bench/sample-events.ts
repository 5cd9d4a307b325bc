import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@redtape/event-store';

let sequence = 0;

/** An event the size and shape of a real one (a few hundred bytes of JSON), so rows weigh what they will. */
export function sampleEvent(data: Record<string, number> = {}): NewEvent {
  sequence += 1;
  return {
    id: randomUUID(),
    type: 'ArticleAmended',
    data: {
      reformId: 'reform-2024-simplification',
      article: `L.${1000 + (sequence % 500)}-${sequence % 7}`,
      change: 'Replaces the prior authorisation by a declaration filed online',
      formsRemoved: ['cerfa-12345', 'cerfa-67890'],
      effectiveOn: '2025-01-01',
      sequence,
      ...data,
    },
    metadata: { correlationId: randomUUID(), actor: 'bench' },
  };
}

export function sampleEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, () => sampleEvent());
}
