import fc from 'fast-check';

/**
 * Under mutation testing a property that fails has found what it was for:
 * shrinking the counterexample (hundreds of statements against PostgreSQL
 * per step) would only turn the mutant's Killed into a Timeout.
 */
fc.configureGlobal({ endOnFailure: true });
