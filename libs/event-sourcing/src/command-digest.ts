import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** Fields of a request that say how to send it, not what it asks: left out of its digest. */
const ENVELOPE_FIELDS = new Set(['commandId', 'expectedRevision']);

/** Null and absent mean the same in a GraphQL input: both are dropped so a retry digests alike. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

/**
 * The digest of what a client asked for: SHA-256 over the RFC 8785 canonical JSON of its request,
 * without the command id and expected revision. A retry digests the same whatever the order of its
 * fields; another payload under the same command id does not.
 */
export function requestDigestOf(request: object): string {
  const asked = Object.fromEntries(Object.entries(request).filter(([key]) => !ENVELOPE_FIELDS.has(key)));
  const canonical = canonicalize(withoutNulls(asked));
  if (canonical === undefined) throw new TypeError('a request must be JSON');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The digest a stored event keeps of the command that caused it: the command's type and request. */
export function commandDigestOf(commandType: string, requestDigest: string): string {
  return createHash('sha256').update(`${commandType}\u0000${requestDigest}`, 'utf8').digest('hex');
}
