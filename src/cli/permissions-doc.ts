import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';
import { renderPermissionsDoc } from '../authz/permissions-doc';

export const PERMISSIONS_DOC = path.join(PROJECT_ROOT, 'docs', 'permissions.md');

if (require.main === module) {
  writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
  process.stdout.write(`wrote ${path.relative(process.cwd(), PERMISSIONS_DOC)}\n`);
}
