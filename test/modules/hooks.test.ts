import { unwiredHooks } from '../../src/core/hook';
import { freezeOpenAwards } from '../../src/modules/certification/certification.hooks';
import { applicationsLockingReport } from '../../src/modules/enterprise/financial-report.hooks';
// What every database opener imports (createDataSource, openDatabase): it must bring the wiring along.
import '../../src/modules/entities';

describe("the modules' wiring", () => {
  it('comes with the entity list, and leaves no hook unwired', () => {
    expect(freezeOpenAwards.wired).toBe(true);
    expect(applicationsLockingReport.wired).toBe(true);
    expect(unwiredHooks()).toEqual([]);
  });
});
