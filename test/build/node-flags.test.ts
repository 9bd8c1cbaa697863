import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The API runs with the same node flags however it is started: `npm start`
 * (package.json), the container (docker/Dockerfile) and the benchmarks
 * (bench/harness.js reads them from package.json), and node takes them.
 */

const ROOT = path.join(__dirname, '..', '..');
const startScript = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const flagsOf = (command: string[]) => command.slice(command.indexOf('node') + 1, command.indexOf('dist/src/main.js'));

it('npm start, the Dockerfile and the benchmarks pass node the same flags', () => {
  const npm = flagsOf(startScript.split(' '));
  expect(npm).toContain('--max-semi-space-size=32');
  const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8'))?.[1];
  expect(flagsOf(JSON.parse(cmd!) as string[])).toEqual(npm);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the benchmark's own CommonJS helper
  expect((require(path.join(ROOT, 'bench', 'harness.js')) as { API_FLAGS: string[] }).API_FLAGS).toEqual(npm);
});

it('node takes them: the young generation grows to twice what it does by default', () => {
  const npm = flagsOf(startScript.split(' '));
  // Short-lived objects in bulk, as requests make them; the new space's largest size on the way, in MiB.
  const churn = `const v8 = require('v8'); let max = 0, keep = [];
    for (let i = 0; i < 3e6; i++) {
      keep.push({ a: i, b: [i] }); if (keep.length > 2e5) keep = [];
      if (i % 1e4 === 0) max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(max / 1048576);`;
  const youngMiB = (flags: string[]) => Number(execFileSync(process.execPath, [...flags, '-e', churn], { encoding: 'utf8' }).trim());
  expect(youngMiB(npm)).toBe(2 * youngMiB([]));
});
