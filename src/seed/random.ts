/**
 * A small seeded PRNG (mulberry32) and the draws the seed generators need.
 * Math.random is never used: the same seed must give the same dataset, so a
 * benchmark or a failing test can be re-run on identical data.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** `k` distinct elements, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.min(k, items.length));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median, clamped to [min, max]: firm sizes are skewed like this. */
  logNormal(median: number, sigma: number, min: number, max: number): number {
    const x = median * Math.exp(sigma * this.normal());
    return Math.min(max, Math.max(min, x));
  }

  /** A derived generator, so that one stream's length does not shift another's draws. */
  fork(label: string): Rng {
    let h = this.uint32() ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h);
  }
}

/** Picks among fixed options by weight in O(log n). */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('items and weights must match and not be empty');
    let sum = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError(`bad weight ${w}`);
      sum += w;
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('weights sum to zero');
    this.total = sum;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * Splits `total` into whole counts proportional to `weights` (largest
 * remainder), so "17,600 little giants over 7 batches" adds up exactly. With
 * `atLeastOne`, every option with a positive weight gets at least one when
 * the total allows it: the demo data must show every status, however rare.
 */
export function apportion(total: number, weights: readonly number[], atLeastOne = false): number[] {
  const n = weights.length;
  const counts = new Array<number>(n).fill(0);
  if (total <= 0 || n === 0) return counts;
  const positive = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  let remaining = total;
  if (atLeastOne && total >= positive.length) {
    for (const i of positive) counts[i] = 1;
    remaining -= positive.length;
  }
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum <= 0) return counts;
  const exact = weights.map((w) => (Math.max(0, w) / sum) * remaining);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const f = Math.floor(exact[i]);
    counts[i] += f;
    given += f;
  }
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < remaining - given; k++) counts[order[k % n][1]] += 1;
  return counts;
}

/** Expands counts into a shuffled list of options: exact quotas in random order. */
export function quotaList<T>(rng: Rng, options: readonly T[], counts: readonly number[]): T[] {
  const out: T[] = [];
  options.forEach((o, i) => {
    for (let k = 0; k < counts[i]; k++) out.push(o);
  });
  return rng.shuffle(out);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (n: number) => HEX_BYTE[n >>> 24] + HEX_BYTE[(n >>> 16) & 255] + HEX_BYTE[(n >>> 8) & 255] + HEX_BYTE[n & 255];
const hex16 = (n: number) => HEX_BYTE[(n >>> 8) & 255] + HEX_BYTE[n & 255];

/**
 * Reproducible UUIDs in the version-7 layout: a 48-bit "millisecond" field
 * that starts at `epochMs` and counts up by one per id, then random bits.
 * The counter makes ids from one factory unique (a 32-bit PRNG state alone
 * could repeat) and ascending, so PostgreSQL appends to the right edge of
 * primary-key and foreign-key indexes instead of touching random pages,
 * which is most of the cost of loading 1.5 million rows with constraints on.
 */
export class IdFactory {
  private counter = 0;

  constructor(
    private readonly rng: Rng,
    private readonly epochMs: number = Date.UTC(2026, 0, 1),
  ) {}

  next(): string {
    const t = this.epochMs + ++this.counter;
    const hi = Math.floor(t / 65536);
    const lo = t % 65536;
    const a = this.rng.uint32();
    const b = this.rng.uint32();
    const c = this.rng.uint32();
    const version = 0x7000 | (a & 0x0fff);
    const variant = 0x8000 | ((a >>> 16) & 0x3fff);
    return `${hex32(hi)}-${hex16(lo)}-${hex16(version)}-${hex16(variant)}-${hex16(b)}${hex32(c)}`;
  }
}
