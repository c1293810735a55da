// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('Unified Social Credit Code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])('accepts the valid code %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character from the first 17', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
  });

  it('maps a check value of 31 to 0 (the set wraps)', () => {
    // Every prefix has exactly one valid check character, and it is in the charset.
    for (const prefix of ['00000000000000000', '91350100M000100Y4', 'Y1110000MA0000001']) {
      const c = creditCodeCheckChar(prefix);
      expect(c).not.toBeNull();
      expect(isValidCreditCode(`${prefix}${c ?? ''}`)).toBe(true);
    }
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100I43', 'charset'],
    ['91350100m000100Y43', 'charset'],
    ['913501A0M000100Y43', 'division'],
    ['91350100M000100Y44', 'check'],
    ['911100001000153100', 'check'],
  ] as const)('rejects %j as %s', (code, problem) => {
    expect(checkCreditCode(code)).toBe(problem);
  });

  it('forgives spaces and lower case when normalised', () => {
    expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(normalizeCreditCode('91350100m000100y43'))).toBe(true);
  });

  it('detects every single-character substitution of a valid code', () => {
    const valid = '91350100M000100Y43';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const ch of charset) {
        if (ch === valid[i]) continue;
        const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
        if (i >= 2 && i < 8 && !/\d/.test(ch)) continue; // caught earlier as a division problem
        expect(isValidCreditCode(changed)).toBe(false);
      }
    }
  });
});
