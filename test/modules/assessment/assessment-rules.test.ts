import { AssessmentStatus, AssessmentValueKind } from '../../../src/modules/assessment/assessment.enums';
import {
  ASSESSED_INDICATORS,
  assessedIndicators,
  assessmentFacts,
  indicatorProblem,
  parseAssessmentScore,
  RecordedAssessment,
  requiredText,
} from '../../../src/modules/assessment/assessment.rules';
import { EvaluationPurpose, IndicatorKind } from '../../../src/modules/eligibility/eligibility.enums';
import { RULE_SETS, RuleSet } from '../../../src/modules/eligibility/rule-sets';
import { Tier } from '../../../src/modules/enterprise/enterprise.enums';

const ruleSet = (code: string, kind: IndicatorKind, nested = false): RuleSet => {
  const indicator = {
    key: 'shared',
    description: 'a shared assessed condition',
    kind,
    threshold: kind === IndicatorKind.ASSESSED_SCORE_MIN ? '60' : undefined,
  };
  return {
    code,
    title: code,
    documentNumber: code,
    effectiveFrom: '2026-01-01',
    tier: Tier.LITTLE_GIANT,
    appliesTo: [{ purpose: EvaluationPurpose.NEW_APPLICATION, effectiveFrom: '2026-01-01' }],
    indicators: nested ? [{ key: 'group', description: 'a group', kind: IndicatorKind.ANY_OF, conditions: [indicator] }] : [indicator],
  };
};

describe('assessed indicators', () => {
  it('are the ASSESSED_* indicators of the rule sets, nested ones too, each with the value it takes', () => {
    expect(ASSESSED_INDICATORS.get('coreBusinessOnInformationSystem')).toMatchObject({
      valueKind: AssessmentValueKind.FLAG,
      ruleSets: expect.arrayContaining(['MIIT-2022-63']),
    });
    // Inside the 2026 rules' ANY_OF niche position.
    expect(ASSESSED_INDICATORS.get('nationalTop3')).toMatchObject({
      valueKind: AssessmentValueKind.FLAG,
      ruleSets: expect.arrayContaining(['MIIT-2026-2']),
    });
    expect(ASSESSED_INDICATORS.get('developmentScore')).toMatchObject({ valueKind: AssessmentValueKind.SCORE });
    expect(ASSESSED_INDICATORS.has('mainBusinessShare')).toBe(false);
  });

  it('gather the rule sets sharing a key, and refuse a key that is a flag in one and a score in another', () => {
    const shared = assessedIndicators([ruleSet('A', IndicatorKind.ASSESSED_FLAG), ruleSet('B', IndicatorKind.ASSESSED_FLAG, true)]);
    expect(shared.get('shared')).toEqual({ key: 'shared', valueKind: AssessmentValueKind.FLAG, ruleSets: ['A', 'B'] });
    expect(() => assessedIndicators([ruleSet('A', IndicatorKind.ASSESSED_FLAG), ruleSet('B', IndicatorKind.ASSESSED_SCORE_MIN, true)])).toThrow(
      /"shared" is a FLAG in A but a SCORE in B/,
    );
  });

  it('are named by key, for the value kind they take, in a year of assessment up to next year', () => {
    expect(indicatorProblem('coreBusinessOnInformationSystem', AssessmentValueKind.FLAG, 2026, 2026)).toBeNull();
    expect(indicatorProblem('coreBusinessOnInformationSystem', AssessmentValueKind.FLAG, 2027, 2026)).toBeNull();
    expect(indicatorProblem('coreBusinessOnInformationSystem', AssessmentValueKind.FLAG, 2028, 2026)).toMatchObject({ field: 'year' });
    expect(indicatorProblem('coreBusinessOnInformationSystem', AssessmentValueKind.FLAG, 2026.5, 2026)).toMatchObject({ field: 'year' });
    expect(indicatorProblem('developmentScore', AssessmentValueKind.FLAG, 2026, 2026)).toMatchObject({
      field: 'indicatorKey',
      message: expect.stringContaining('MIIT'),
    });
    expect(indicatorProblem('coreBusinessOnInformationSystem', AssessmentValueKind.SCORE, 2026, 2026)).toMatchObject({ field: 'indicatorKey' });
    expect(indicatorProblem('revenue', AssessmentValueKind.FLAG, 2026, 2026)).toMatchObject({
      field: 'indicatorKey',
      message: expect.stringContaining('coreBusinessOnInformationSystem'),
    });
  });
});

describe('assessed indicators: what a refused one is told', () => {
  it('only ASSESSED_* indicators count, never the group around them; a set reading a key twice is listed once', () => {
    const nested = assessedIndicators([ruleSet('A', IndicatorKind.ASSESSED_FLAG, true)]);
    expect([...nested.keys()]).toEqual(['shared']);
    // MIIT-2026-2 reads the development score as a new application and again inside its re-review rule.
    expect(assessedIndicators(RULE_SETS).get('developmentScore')).toEqual({
      key: 'developmentScore',
      valueKind: AssessmentValueKind.SCORE,
      ruleSets: ['SRDI-PROVINCIAL-2026', 'MIIT-2026-2'],
    });
  });

  it('a key that is a flag in some sets and a score in another names all the sets on each side', () => {
    expect(() =>
      assessedIndicators([
        ruleSet('A', IndicatorKind.ASSESSED_FLAG),
        ruleSet('B', IndicatorKind.ASSESSED_FLAG),
        ruleSet('C', IndicatorKind.ASSESSED_SCORE_MIN),
      ]),
    ).toThrow('assessed indicator "shared" is a FLAG in A, B but a SCORE in C');
  });

  it('an unknown key is told the keys it could have meant, of the kind it gave', () => {
    expect(indicatorProblem('revenue', AssessmentValueKind.SCORE, 2026, 2026)).toEqual({
      field: 'indicatorKey',
      message: 'indicatorKey: "revenue" is not an assessed indicator of any rule set; scored ones: developmentScore, developmentScorePreviousYear',
    });
    const flag = indicatorProblem('revenue', AssessmentValueKind.FLAG, 2026, 2026)!;
    expect(flag.message).toMatch(
      /^indicatorKey: "revenue" is not an assessed indicator of any rule set; yes\/no ones: notOnAbnormalOrDishonestLists, /,
    );
    expect(flag.message).toContain('nationalTop3');
    expect(flag.message).not.toContain('developmentScore');
  });

  it('the wrong kind of value is told who gives it instead', () => {
    expect(indicatorProblem('developmentScore', AssessmentValueKind.FLAG, 2026, 2026)).toEqual({
      field: 'indicatorKey',
      message: 'indicatorKey: "developmentScore" is a score, given by MIIT’s experts (scoreAssessment), not declared',
    });
    expect(indicatorProblem('nationalTop3', AssessmentValueKind.SCORE, 2026, 2026)).toEqual({
      field: 'indicatorKey',
      message: 'indicatorKey: "nationalTop3" is a yes/no condition, declared by the enterprise and confirmed by its local government, not scored',
    });
  });

  it('years of assessment run from 2000 to next year, both included, and the refusal says so', () => {
    expect(indicatorProblem('nationalTop3', AssessmentValueKind.FLAG, 2000, 2026)).toBeNull();
    expect(indicatorProblem('nationalTop3', AssessmentValueKind.FLAG, 1999, 2026)).toEqual({
      field: 'year',
      message: 'year must be a year of assessment from 2000 to 2027',
    });
  });

  it('a score is 0–100 with at most two decimals, kept canonical; evidence and reasons must say something', () => {
    expect(parseAssessmentScore('72.5')).toBe('72.50');
    expect(parseAssessmentScore('101')).toBeNull();
    expect(requiredText('  证据：检测报告 ', 'evidence')).toBe('证据：检测报告');
    expect(requiredText('   ', 'reason')).toEqual({ field: 'reason', message: 'reason must not be empty' });
    expect(requiredText(null, 'evidence')).toEqual({ field: 'evidence', message: 'evidence must not be empty' });
    expect(requiredText(undefined, 'evidence')).toEqual({ field: 'evidence', message: 'evidence must not be empty' });
  });
});

describe('recorded assessments as an evaluation reads them', () => {
  const at = new Date('2026-05-06T02:00:00Z');
  const record = (indicatorKey: string, status: AssessmentStatus, more: Partial<RecordedAssessment> = {}): RecordedAssessment => ({
    indicatorKey,
    status,
    flag: true,
    score: null,
    assertedAt: at,
    decidedAt: null,
    decidedByRegionCode: null,
    rejectionReason: null,
    ...more,
  });

  it('count confirmed declarations and expert scores only; pending and rejected ones say why they do not', () => {
    const { values, notes } = assessmentFacts([
      record('confirmedNo', AssessmentStatus.CONFIRMED, { flag: false, decidedAt: at, decidedByRegionCode: '320000' }),
      record('scored', AssessmentStatus.SCORED, { flag: null, score: '59.99' }),
      record('pending', AssessmentStatus.DECLARED),
      record('rejected', AssessmentStatus.REJECTED, { decidedAt: at, decidedByRegionCode: '320100', rejectionReason: '证据不足' }),
    ]);
    expect(values).toEqual({ confirmedNo: 'false', scored: '59.99' });
    expect(notes).toEqual({
      confirmedNo: 'declared by the enterprise, confirmed by the local government 320000 on 2026-05-06',
      scored: 'scored by MIIT’s experts on 2026-05-06',
      pending: 'declared "yes" by the enterprise on 2026-05-06, awaiting its local government’s confirmation: not counted until confirmed',
      rejected: 'declared by the enterprise, rejected by the local government 320100 on 2026-05-06: 证据不足',
    });
  });

  it('date decisions on the programme’s calendar day (Beijing time), and say which answer a pending declaration gave', () => {
    // 20:00 UTC on 5 May is 04:00 on 6 May in Beijing.
    const evening = new Date('2026-05-05T20:00:00Z');
    const { notes } = assessmentFacts([
      record('confirmed', AssessmentStatus.CONFIRMED, { decidedAt: evening, decidedByRegionCode: '320000' }),
      record('pendingNo', AssessmentStatus.DECLARED, { flag: false, assertedAt: evening }),
    ]);
    expect(notes).toEqual({
      confirmed: 'declared by the enterprise, confirmed by the local government 320000 on 2026-05-06',
      pendingNo: 'declared "no" by the enterprise on 2026-05-06, awaiting its local government’s confirmation: not counted until confirmed',
    });
  });

  it('let a what-if value stand in for the record, and say so', () => {
    const { values, notes } = assessmentFacts([record('pending', AssessmentStatus.DECLARED)], { pending: 'true', fresh: '70' });
    expect(values).toEqual({ pending: 'true', fresh: '70' });
    expect(notes.pending).toMatch(/^supplied with the query \(what-if\), in place of the record: declared "yes"/);
    expect(notes.fresh).toBe('supplied with the query (what-if), not recorded');
  });
});
