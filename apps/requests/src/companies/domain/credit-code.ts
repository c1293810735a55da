/**
 * The Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, Z, S, V); the last one is a check character computed
 * from the first 17 with weights 3^(i) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'check';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  const c = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(c);
}

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'characters';
  return checkCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

export function describeCreditCodeProblem(code: string, problem: CreditCodeProblem): string {
  switch (problem) {
    case 'length':
      return `creditCode must be 18 characters (got ${code.length})`;
    case 'characters':
      return 'creditCode may contain only digits and capital letters other than I, O, Z, S, V';
    case 'check':
      return `creditCode check character is wrong: expected ${checkCharacter(code.slice(0, 17))}, got ${code.charAt(17)}`;
  }
}
