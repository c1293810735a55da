// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { i18n } from '../../i18n';
import { applyApiErrorToForm } from './form-errors';
import {
  describeIssue,
  fieldLabel,
  parseFieldPath,
  parseValidationMessage,
  summarizeError,
  validationIssues,
} from './error-mapping';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('reading API validation messages', () => {
  it('finds the field and the rule in a class-validator message', () => {
    const p = parseValidationMessage('details.positions.0.headcount must not be greater than 10000');
    expect(p.path).toEqual(['details', 'positions', 0, 'headcount']);
    expect(p.rule).toBe('max');
    expect(p.params).toEqual({ max: '10000' });
  });

  it.each([
    ['title should not be empty', ['title'], 'required'],
    ['details.amountCny must be a positive number', ['details', 'amountCny'], 'positive'],
    ['details.termMonths must not be less than 1', ['details', 'termMonths'], 'min'],
    ['details.positions must contain at least 1 elements', ['details', 'positions'], 'minItems'],
    ['details.positions must contain no more than 50 elements', ['details', 'positions'], 'maxItems'],
    ['details.hazardType must be one of the following values: fire, electrical', ['details', 'hazardType'], 'oneOf'],
    ['property foo should not exist', ['foo'], 'unknownField'],
    ['details.positions[2].headcount must be an integer number', ['details', 'positions', 2, 'headcount'], 'integer'],
  ] as const)('%s', (msg, path, rule) => {
    const p = parseValidationMessage(msg);
    expect(p.path).toEqual(path);
    expect(p.rule).toBe(rule);
  });

  it('keeps an unknown sentence about a field as the API wrote it', () => {
    const p = parseValidationMessage('creditCode has a wrong check character');
    expect(p.path).toEqual(['creditCode']);
    expect(p.rule).toBeNull();
    expect(describeIssue(p, zh)).toBe('creditCode has a wrong check character');
  });

  it('names no field for a sentence that is not about one', () => {
    expect(parseValidationMessage('Request body is not valid JSON').path).toBeNull();
  });

  it('prefers details: [{field, message}] when the API sends it', () => {
    const err = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      details: [{ field: 'details.positions.1.headcount', message: 'must not be greater than 10000' }],
    });
    const [issue] = validationIssues(err);
    expect(issue?.path).toEqual(['details', 'positions', 1, 'headcount']);
    expect(issue?.rule).toBe('max');
  });

  it('splits an array of messages and messages joined with "; "', () => {
    const a = new ApiError(400, { message: ['title should not be empty', 'description should not be empty'] });
    const b = new ApiError(400, { message: 'title should not be empty; description should not be empty' });
    expect(validationIssues(a).map((i) => i.path)).toEqual([['title'], ['description']]);
    expect(validationIssues(b).map((i) => i.path)).toEqual([['title'], ['description']]);
  });

  it('says it in the chosen language', () => {
    const p = parseValidationMessage('details.positions.0.headcount must not be greater than 10000');
    expect(describeIssue(p, zh)).toBe('不能大于 10000');
    expect(describeIssue(p, en)).toBe('Must not be greater than 10000');
    expect(fieldLabel(p.path ?? [], zh)).toBe('人数 #1');
    expect(fieldLabel(['details', 'amountCny'], en)).toBe('Amount (CNY)');
  });

  it('normalises bracket paths', () => {
    expect(parseFieldPath('milestones[0].dueAt')).toEqual(['milestones', 0, 'dueAt']);
  });
});

describe('putting errors next to fields', () => {
  it('sets each field error on the form, grouped by field', () => {
    const calls: unknown[] = [];
    const form = { setFields: (f: unknown) => calls.push(f) };
    const err = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: ['details.positions.0.headcount must not be greater than 10000', 'title should not be empty'],
    });
    expect(applyApiErrorToForm(form, err, zh)).toBe(true);
    expect(calls[0]).toEqual([
      { name: ['details', 'positions', 0, 'headcount'], errors: ['不能大于 10000'] },
      { name: ['title'], errors: ['必填'] },
    ]);
  });

  it('leaves the form alone for errors that are not about fields', () => {
    const form = { setFields: () => undefined };
    expect(
      applyApiErrorToForm(form, new ApiError(409, { code: 'INVALID_TRANSITION', message: 'status is closed' }), zh),
    ).toBe(false);
    expect(applyApiErrorToForm(form, new Error('x'), zh)).toBe(false);
  });
});

describe('error summaries', () => {
  it.each([
    [409, 'INVALID_TRANSITION', 'errors.code.INVALID_TRANSITION'],
    [503, undefined, 'errors.code.SERVICE_UNAVAILABLE'],
    [0, undefined, 'errors.code.NETWORK'],
    [500, 'SOMETHING_NEW', 'errors.status.5xx'],
    [403, undefined, 'errors.code.FORBIDDEN'],
  ] as const)('%i %s → %s', (status, code, key) => {
    const s = summarizeError(new ApiError(status, { code, message: 'words' }));
    expect(s.titleKey).toBe(key);
    expect(s.detail).toBe('words');
    expect(zh(s.titleKey)).not.toBe(s.titleKey);
  });
});
