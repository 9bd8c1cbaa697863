import { readFileSync } from 'node:fs';
import { renderPermissionsDoc } from '../../src/authz/permissions-doc';
import { PERMISSIONS_DOC } from '../../src/cli/permissions-doc';

describe('docs/permissions.md', () => {
  it('is what the policy code renders (run `npm run docs:permissions` after changing the policy)', () => {
    expect(readFileSync(PERMISSIONS_DOC, 'utf8')).toBe(renderPermissionsDoc());
  });

  it('lists every subject in its matrix', () => {
    const doc = renderPermissionsDoc();
    for (const s of ['Enterprise', 'Award', 'Expenditure', 'AuditEvent']) expect(doc).toMatch(new RegExp(`^\\| ${s} \\|`, 'm'));
  });
});
