import { ACTIONS, POLICY, RuleTemplate, SUBJECTS } from './policy';
import { ROLES } from '../auth/roles';

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

function scopeOf(rule: RuleTemplate): string {
  if (!rule.conditions) return 'all';
  const c = JSON.stringify(rule.conditions);
  if (c.includes('${enterpriseId}')) return 'own';
  if (c.includes('${platformId}')) return 'own';
  if (c.includes('${regionLo}')) return 'region↓';
  if (c.includes('${littleGiantLo')) return 'recommending authority';
  return 'published';
}

/**
 * docs/permissions.md, rendered from src/authz/policy.ts so the document can
 * never drift from the code (a test compares them).
 */
export function renderPermissionsDoc(): string {
  const out: string[] = [
    '# Permissions',
    '',
    '<!-- Generated from src/authz/policy.ts by `npm run docs:permissions`; do not edit by hand. -->',
    '',
    'Who may do what, per role. **all**: every row; **own**: the caller’s own enterprise or platform;',
    '**region↓**: rows of the caller’s region and every region below it; **published**: the public lists',
    '(certified enterprises, certifications in notice or in force); **recommending authority**: the little giants',
    'of the enterprises a province or plan-listed city recommends. A `*` marks rules limited to some fields.',
    'A row a caller may not read is indistinguishable from a missing one; a field it may not read is `null`',
    'with a `FORBIDDEN` error at its path. The same rules filter SQL, and row-level security in PostgreSQL',
    'mirrors them.',
    '',
    '## Matrix',
    '',
    `| subject | ${ROLES.join(' | ')} |`,
    `|---|${ROLES.map(() => '---').join('|')}|`,
  ];
  for (const subject of SUBJECTS) {
    const cells = ROLES.map((role) => {
      const grants: string[] = [];
      for (const action of ACTIONS) {
        const rules = POLICY[role].filter((r) => list(r.action).includes(action) && list(r.subject).includes(subject));
        if (!rules.length) continue;
        const scopes = [...new Set(rules.map((r) => `${scopeOf(r)}${r.fields ? '*' : ''}`))].join('+');
        grants.push(`${action} (${scopes})`);
      }
      return grants.join(', ') || '–';
    });
    out.push(`| ${subject} | ${cells.join(' | ')} |`);
  }
  for (const role of ROLES) {
    out.push('', `## ${role}`, '', '| actions | subjects | conditions | fields | because |', '|---|---|---|---|---|');
    for (const r of POLICY[role]) {
      out.push(
        `| ${list(r.action).join(', ')} | ${list(r.subject).join(', ')} | ${r.conditions ? `\`${JSON.stringify(r.conditions)}\`` : 'all rows'} | ${
          r.fields ? r.fields.join(', ') : 'all'
        } | ${r.because} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
