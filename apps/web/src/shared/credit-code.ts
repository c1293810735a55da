/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set
 * (digits and capital letters without I, O, Z, S, V); the 18th is a check character computed from the
 * first 17 with weights 3^i mod 31. Positions: 1 registration authority, 2 organisation type,
 * 3-8 administrative division (digits), 9-17 organisation code, 18 check.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'empty' | 'length' | 'charset' | 'division' | 'check';

/** The check character for the first 17 characters, or null if one of them is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(c);
}

/** Null when the code is valid; otherwise what is wrong with it. Expects upper case (see normalizeCreditCode). */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (!code) return 'empty';
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code) === null;
}

/** What people type: spaces and lower case are forgiven before checking. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
