import { createTestDatabase, TestDatabase } from '../support/database';
import { parseSeedArgs, runSeedCli, UsageError } from '../../src/cli/seed';

describe('parseSeedArgs', () => {
  it('reads the scale and the factor', () => {
    expect(parseSeedArgs(['--scale', 'demo'])).toEqual({ scale: 'demo', factor: 1 });
    expect(parseSeedArgs(['--scale=national', '--factor', '0.1'])).toEqual({ scale: 'national', factor: 0.1 });
  });

  it.each([
    [[], /--scale is required/],
    [['--scale', 'huge'], /--scale must be demo or national/],
    [['--scale', 'demo', '--factor', '2'], /--factor applies to --scale national only/],
    [['--scale', 'national', '--factor', 'lots'], /--factor must be a positive number/],
    [['--scale', 'national', '--factor', '0'], /between 0.0005 and 10/],
    [['--scale', 'national', '--bogus'], /Unknown option/],
    [['--scale', 'national', 'extra'], /positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(UsageError);
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});

describe('runSeedCli', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('exits 2 with one line on bad arguments or configuration', async () => {
    const bad = await runSeedCli(['--scale', 'everything'], { DATABASE_URL: db.url });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const config = await runSeedCli(['--scale', 'demo'], { DATABASE_URL: 'mysql://x' });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^seed: DATABASE_URL/);
  });

  it('seeds the database DATABASE_URL names and prints one line of counts, then refuses a second run', async () => {
    const first = await runSeedCli(['--scale', 'national', '--factor', '0.002'], { DATABASE_URL: db.url });
    expect(first).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^seeded national ×0\.002: 300 enterprises \(35 little giants.* in \d+\.\d s\n$/),
      stderr: '',
    });
    expect(first.stdout.split('\n')).toHaveLength(2);
    const second = await runSeedCli(['--scale', 'demo'], { DATABASE_URL: db.url });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^seed: refused: the database already holds enterprises/);
  }, 120_000);
});
