import { mintToken } from './mint-token.js';
import { ROLES, type Role } from './roles.js';
import type { PrincipalClaims } from './token-claims.js';

const DEVELOPMENT_PRINCIPALS: Readonly<Record<Role, PrincipalClaims>> = {
  official: {
    sub: 'dev-official',
    name: 'Development official (Nookat district)',
    role: 'official',
    unit: 'district/nookat',
  },
  cabinet: { sub: 'dev-cabinet', name: 'Development cabinet member', role: 'cabinet' },
  auditor: { sub: 'dev-auditor', name: 'Development auditor', role: 'auditor' },
  admin: { sub: 'dev-admin', name: 'Development administrator', role: 'admin' },
};

/** One token per role, for the start script to print so a developer can try every role at once. */
export async function developmentTokens(secret: string): Promise<Record<Role, string>> {
  const minted = await Promise.all(
    ROLES.map(async (role) => [role, await mintToken(DEVELOPMENT_PRINCIPALS[role], secret)] as const),
  );
  return Object.fromEntries(minted) as Record<Role, string>;
}
