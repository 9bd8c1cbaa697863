/**
 * The roles of the programme, listed once. The GraphQL enum ViewerRole, the
 * roles a token may carry, the token CLI, the permissions doc and the demo
 * tokens follow this list; the row-level security policies, written in the
 * migrations, are held to it by test/auth/roles.test.ts.
 */
export const ROLES = ['PUBLIC', 'ENTERPRISE', 'PLATFORM', 'LOCAL_GOV', 'MIIT', 'MOF'] as const;

export type Role = (typeof ROLES)[number];

/** The public is the absence of a token; every other role comes with one. */
export type TokenRole = Exclude<Role, 'PUBLIC'>;

export const TOKEN_ROLES: readonly TokenRole[] = ROLES.filter((r): r is TokenRole => r !== 'PUBLIC');

/** Whom a role acts for: its token names an enterprise, a platform or a region; the ministries act nationally. */
export type RoleTenant = 'enterprise' | 'platform' | 'region';

export interface RoleDetails {
  /** One line, as the GraphQL schema describes the role. */
  description: string;
  tenant: RoleTenant | null;
}

export const ROLE_DETAILS: Readonly<Record<Role, RoleDetails>> = {
  PUBLIC: { description: 'No token: published information only.', tenant: null },
  ENTERPRISE: { description: 'An enterprise: its own records.', tenant: 'enterprise' },
  PLATFORM: { description: 'A public service demonstration platform or development zone: its own records.', tenant: 'platform' },
  LOCAL_GOV: { description: 'A local government: its region and every region below it.', tenant: 'region' },
  MIIT: { description: 'Ministry of Industry and Information Technology: certification and review.', tenant: null },
  MOF: { description: 'Ministry of Finance: programmes, budgets and money.', tenant: null },
};

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}
