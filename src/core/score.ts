/** An expert score: 0–100 with at most two decimals, as a decimal string ("86.50"), or null when it is not one. */
export function parseScore(score: string): string | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(score.trim());
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (whole > 100 || (whole === 100 && frac !== '00')) return null;
  return `${whole}.${frac}`;
}
