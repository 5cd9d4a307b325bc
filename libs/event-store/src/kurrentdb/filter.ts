import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
} from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../port/index.js';

/**
 * The part of the port's filter that KurrentDB evaluates itself. A server-side filter looks at one
 * field only (stream name or event type), while the port's filter is an AND of a stream-prefix part
 * and an event-type part (each an OR of its values). So the server takes one part, chosen to cut the
 * most traffic: the stream prefixes when given (a category is narrower than a type), else the event
 * types as one anchored regex, else just "no system events". `matchesFilter` then checks every event
 * against the whole filter on the client, which decides; the server-side filter only narrows.
 */
export function serverSideFilter(filter: EventFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0) return streamNameFilter({ prefixes: [...prefixes] });
  const types = filter?.eventTypes ?? [];
  if (types.length > 0) return eventTypeFilter({ regex: exactlyOneOf(types) });
  return excludeSystemEvents();
}

/** A regex matching exactly one of the names (KurrentDB's .NET regex accepts this escaping). */
export function exactlyOneOf(names: readonly string[]): string {
  return `^(?:${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`;
}

/** KurrentDB's own records (projections' links, statistics, settings…) live in `$` streams or types. */
export function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** The port's semantics exactly: no system events; every given part must match (AND), any value in it (OR). */
export function matchesFilter(
  filter: EventFilter | undefined,
  event: { readonly streamId: string; readonly type: string },
): boolean {
  if (isSystemEvent(event)) return false;
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0 && !prefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  const types = filter?.eventTypes ?? [];
  if (types.length > 0 && !types.includes(event.type)) return false;
  return true;
}
