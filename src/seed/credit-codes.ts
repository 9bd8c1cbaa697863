import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../modules/enterprise/credit-code.rules';
import { Rng } from './random';

/**
 * Unified social credit codes (GB 32100-2015) that pass the check character
 * and never repeat within a run. The organisation part follows the two real
 * shapes: firms registered since the 2015 reform carry an "MA…" code, older
 * ones their 8-digit national organisation code plus its check character.
 */
export class CreditCodeFactory {
  private readonly used = new Set<string>();

  reserve(code: string): void {
    this.used.add(code.slice(0, 17));
  }

  /**
   * @param registrationType "91" enterprise, "12" public institution, "11" government body
   * @param regionCode the county or prefecture where it registered
   * @param registeredYear picks the organisation-code shape
   */
  next(rng: Rng, registrationType: string, regionCode: string, registeredYear: number): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      let org = '';
      if (registeredYear >= 2016 && registrationType === '91') {
        org = 'MA';
        for (let i = 0; i < 7; i++) org += CREDIT_CODE_ALPHABET[rng.int(0, CREDIT_CODE_ALPHABET.length - 1)];
      } else {
        for (let i = 0; i < 8; i++) org += String(rng.int(0, 9));
        org += CREDIT_CODE_ALPHABET[rng.int(0, CREDIT_CODE_ALPHABET.length - 1)];
      }
      const code = makeCreditCode(registrationType, regionCode, org);
      const key = code.slice(0, 17);
      if (!this.used.has(key)) {
        this.used.add(key);
        return code;
      }
    }
    throw new Error(`could not find a free credit code in ${regionCode}`);
  }
}
