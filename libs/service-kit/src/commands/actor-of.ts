import type { Principal } from '@redtape/auth';
import type { Actor } from '@redtape/event-sourcing';

/** Who a verified principal is in the history: id, role, display name and, for officials, their unit. */
export function actorOf(principal: Principal): Actor {
  return {
    id: principal.subject,
    role: principal.role,
    name: principal.name,
    ...(principal.unitId !== undefined ? { unitId: principal.unitId } : {}),
  };
}
