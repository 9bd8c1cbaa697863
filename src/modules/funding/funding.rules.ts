import { centsToMoney, compareMoney, moneyToCents } from '../../core/money';

/**
 * Checks on amounts and dates that the programme's and the awards' mutations
 * both make; pure, unit-tested on their own.
 */

/** A calendar date "YYYY-MM-DD" that exists (no 2月30日). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Sum of decimal strings, exactly. */
export function sumMoney(amounts: readonly string[]): string {
  return centsToMoney(amounts.reduce((acc, a) => acc + moneyToCents(a), 0n));
}

export function isPositiveMoney(amount: string): boolean {
  return compareMoney(amount, '0.00') > 0;
}
