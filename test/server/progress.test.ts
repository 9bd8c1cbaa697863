import { startupProgress } from '../../src/server/progress';

describe('startupProgress', () => {
  it('writes one line per step, named srdi-api, outside production', () => {
    for (const env of ['development', 'test'] as const) {
      const lines: string[] = [];
      const step = startupProgress({ env }, (l) => lines.push(l));
      step('applying migrations…');
      step('loading the demo data (first start)…');
      expect(lines).toEqual(['srdi-api: applying migrations…\n', 'srdi-api: loading the demo data (first start)…\n']);
    }
  });

  it('says nothing in production, where the JSON log lines are all there is', () => {
    const lines: string[] = [];
    startupProgress({ env: 'production' }, (l) => lines.push(l))('applying migrations…');
    expect(lines).toEqual([]);
  });
});
