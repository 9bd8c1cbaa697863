import { centsToMoney, compareMoney, moneyToCents } from '../../core/money';

/**
 * Checks on amounts and dates that the programme's and the awards' mutations
 * both make; pure, unit-tested on their own.
 */

/** Sum of decimal strings, exactly. */
export function sumMoney(amounts: readonly string[]): string {
  return centsToMoney(amounts.reduce((acc, a) => acc + moneyToCents(a), 0n));
}

export function isPositiveMoney(amount: string): boolean {
  return compareMoney(amount, '0.00') > 0;
}
