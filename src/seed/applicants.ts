import { Tier } from '../modules/enterprise/enterprise.enums';
import { fenToMoney } from './financials';
import { FinancialReportRow } from './tables';

/**
 * An applicant's figures lifted to the bar of the rule sets it applies
 * under, so that no financial indicator fails and its draft can be submitted
 * (submitApplication refuses a failing self-assessment). Applied after the
 * figures are drawn and drawing nothing itself, so every other firm's
 * figures stay as the seed always made them.
 *
 * Little giant (2022 and 2026 rules): last year's revenue at least ¥60m,
 * growing 8% a year; main business 93%; R&D at least 7% of revenue and ¥12.5m
 * over the last two years; debt at most 60% of assets; 5 Class-I IP rights;
 * 10.5% of the niche. Provincial SRDI SME (hard conditions): last year's
 * revenue at least ¥12m, R&D at least ¥1.1m and 4% of it. A figure the firm
 * did not report stays unreported (unknown is not a failure).
 */

type Row = Omit<FinancialReportRow, 'id' | 'enterprise_id'>;

const FEN = 100;
const MILLION = 1_000_000 * FEN;

const toFen = (money: string): number => Math.round(Number(money) * FEN);

export function liftToApplicationBar(rows: Row[], tier: Tier): Row[] {
  const out = rows.map((r) => ({ ...r }));
  const last = out[out.length - 1];
  if (last.revenue == null) return out;
  if (tier === Tier.LITTLE_GIANT) {
    const top = Math.max(toFen(last.revenue), 60 * MILLION);
    out.forEach((r, i) => {
      if (r.revenue == null) return;
      const revenue = Math.round(top / 1.08 ** (out.length - 1 - i));
      r.revenue = fenToMoney(revenue);
      if (r.main_business_revenue != null) r.main_business_revenue = fenToMoney(Math.floor(revenue * 0.93));
      if (r.rd_expense != null) r.rd_expense = fenToMoney(Math.max(toFen(r.rd_expense), Math.ceil(revenue * 0.07)));
      if (r.total_assets != null && r.total_liabilities != null) {
        r.total_liabilities = fenToMoney(Math.min(toFen(r.total_liabilities), Math.floor(toFen(r.total_assets) * 0.6)));
      }
      if (r.niche_market_share != null) r.niche_market_share = Math.max(10.5, Number(r.niche_market_share)).toFixed(2);
    });
    const [before, lastYear] = out.slice(-2);
    if (before.rd_expense != null && lastYear.rd_expense != null) {
      const short = 12.5 * MILLION - toFen(before.rd_expense) - toFen(lastYear.rd_expense);
      if (short > 0) {
        before.rd_expense = fenToMoney(toFen(before.rd_expense) + Math.ceil(short / 2));
        lastYear.rd_expense = fenToMoney(toFen(lastYear.rd_expense) + Math.ceil(short / 2));
      }
    }
    if (last.class1_ip_count != null) last.class1_ip_count = Math.max(5, last.class1_ip_count);
  } else if (tier === Tier.SRDI_SME) {
    const revenue = Math.max(toFen(last.revenue), 12 * MILLION);
    last.revenue = fenToMoney(revenue);
    if (last.rd_expense != null) last.rd_expense = fenToMoney(Math.max(toFen(last.rd_expense), Math.ceil(revenue * 0.04), (11 * MILLION) / 10));
  }
  return out;
}
