export type Role = 'official' | 'cabinet' | 'auditor' | 'admin';

export const ROLES: readonly Role[] = Object.freeze(['official', 'cabinet', 'auditor', 'admin']);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
