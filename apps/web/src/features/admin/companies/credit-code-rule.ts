import type { FormRule } from 'antd';
import { checkCreditCode, normalizeCreditCode } from '../../../shared/credit-code';

/** The antd rule for a credit code: the same check the API makes, said precisely. */
export function creditCodeRule(t: (k: string, p?: Record<string, unknown>) => string): FormRule {
  return {
    validator: (_r, value: unknown) => {
      const code = normalizeCreditCode(typeof value === 'string' ? value : '');
      const problem = checkCreditCode(code);
      return problem
        ? Promise.reject(new Error(t(`admin.creditCode.${problem}`, { length: code.length })))
        : Promise.resolve();
    },
  };
}
