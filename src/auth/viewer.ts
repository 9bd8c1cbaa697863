import { Role } from './roles';

/** Who is calling. Built from a verified token; no token means the public. */
export interface Viewer {
  role: Role;
  /** The token's `sub`; "anonymous" for the public. */
  subject: string;
  enterpriseId?: string;
  platformId?: string;
  regionCode?: string;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: 'PUBLIC', subject: 'anonymous' });
