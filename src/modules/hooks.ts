import { freezeOpenAwards } from './certification/certification.hooks';
import { applicationsLockingReport } from './enterprise/financial-report.hooks';
import { recommendedApplicationsUsing } from './application/report-use.service';
import { freezeOpenAwards as freezeAwards } from './funding/award/award-freeze.service';

/**
 * The modules' wiring: where a lower module's rule needs a higher module's
 * rows, the lower one declares a hook (src/core/hook.ts) and the higher one
 * provides it here, so no import points up. entities.ts loads this file,
 * and every path that opens a database loads entities.ts, so nothing that
 * can run a mutation runs unwired.
 */
freezeOpenAwards.provide(freezeAwards);
applicationsLockingReport.provide(recommendedApplicationsUsing);
