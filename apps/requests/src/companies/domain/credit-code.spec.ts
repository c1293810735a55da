import { checkCharacter, creditCodeProblem, describeCreditCodeProblem } from './credit-code';

describe('Unified Social Credit Code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('rejects a code whose check character is wrong and says which one is expected', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(describeCreditCodeProblem('91350100M000100Y44', 'check')).toBe('creditCode check character is wrong: expected 3, got 4');
  });

  it('rejects wrong length and letters outside the alphabet', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100I43')).toBe('characters');
    expect(creditCodeProblem('91350100m000100Y43')).toBe('characters');
  });

  it('maps a sum that is a multiple of 31 to check character 0', () => {
    expect(checkCharacter('00000000000000000')).toBe('0');
  });
});
