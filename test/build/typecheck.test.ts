import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The build (scripts/build.js, swc) does not type-check, so `npm test` does:
 * the same `tsc --noEmit` as `npm run typecheck`, over src/, test/ and scripts/.
 */
const root = path.join(__dirname, '..', '..');

it('tsc finds no type errors (npm run typecheck)', async () => {
  const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json'), '--noEmit', '--pretty', 'false'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  // The diagnostics themselves, so a failure shows which file and line.
  expect(result.output.trim()).toBe('');
  expect(result.code).toBe(0);
}, 300_000);
