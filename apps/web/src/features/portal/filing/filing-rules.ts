import type { FormRule as Rule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Category, HazardType, Priority, Severity } from '../../../api/types';
import { dayjs, toDateOnly } from '../../../shared/time';

/** The limits API.md sets for `details`; the form shows them before the API has to. */
export const LIMITS = {
  headcount: { min: 1, max: 10000 },
  positions: { min: 1, max: 50 },
  termMonths: { min: 1, max: 360 },
  title: { max: 200 },
  description: { max: 5000 },
} as const;

export interface Problem {
  rule: string;
  params?: Record<string, string | number>;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** An integer within [min, max]; blank is a problem only when required. */
export function checkInt(v: unknown, min: number, max: number, required: boolean): Problem | null {
  if (isBlank(v)) return required ? { rule: 'required' } : null;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return { rule: 'number' };
  if (!Number.isInteger(n)) return { rule: 'integer' };
  if (n < min) return { rule: 'min', params: { min } };
  if (n > max) return { rule: 'max', params: { max } };
  return null;
}

/** A number strictly greater than 0 (financing amount). */
export function checkPositive(v: unknown, required: boolean): Problem | null {
  if (isBlank(v)) return required ? { rule: 'required' } : null;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return { rule: 'number' };
  return n > 0 ? null : { rule: 'positive' };
}

export function checkText(v: unknown, required: boolean, max?: number): Problem | null {
  if (isBlank(v)) return required ? { rule: 'required' } : null;
  if (typeof v !== 'string') return { rule: 'string' };
  if (max !== undefined && v.length > max) return { rule: 'maxLength', params: { max } };
  return null;
}

export function checkCount(list: unknown, min: number, max: number): Problem | null {
  const n = Array.isArray(list) ? list.length : 0;
  if (n < min) return { rule: 'minItems', params: { min } };
  if (n > max) return { rule: 'maxItems', params: { max } };
  return null;
}

type T = (key: string, params?: Record<string, unknown>) => string;

/** Wraps a check as an antd rule whose message is in the chosen language. */
export function ruleOf(t: T, check: (v: unknown) => Problem | null): Rule {
  return {
    validator: (_rule, value: unknown) => {
      const p = check(value);
      return p ? Promise.reject(new Error(t(`validation.${p.rule}`, p.params))) : Promise.resolve();
    },
  };
}

/** The same, in the narrower shape Form.List accepts. */
export function validatorOf(t: T, check: (v: unknown) => Problem | null) {
  return {
    validator: (_rule: unknown, value: unknown) => {
      const p = check(value);
      return p ? Promise.reject(new Error(t(`validation.${p.rule}`, p.params))) : Promise.resolve();
    },
  };
}

export function filingRules(t: T) {
  return {
    title: [ruleOf(t, (v) => checkText(v, true, LIMITS.title.max))],
    description: [ruleOf(t, (v) => checkText(v, true, LIMITS.description.max))],
    positionTitle: [ruleOf(t, (v) => checkText(v, true, LIMITS.title.max))],
    headcount: [ruleOf(t, (v) => checkInt(v, LIMITS.headcount.min, LIMITS.headcount.max, true))],
    positions: [validatorOf(t, (v) => checkCount(v, LIMITS.positions.min, LIMITS.positions.max))],
    amountCny: [ruleOf(t, (v) => checkPositive(v, true))],
    purpose: [ruleOf(t, (v) => checkText(v, true, LIMITS.description.max))],
    termMonths: [ruleOf(t, (v) => checkInt(v, LIMITS.termMonths.min, LIMITS.termMonths.max, false))],
    location: [ruleOf(t, (v) => checkText(v, true, LIMITS.title.max))],
    required: [ruleOf(t, (v) => (isBlank(v) ? { rule: 'required' } : null))],
  };
}

export interface FilingValues {
  category: Category;
  title: string;
  description: string;
  priority?: Priority;
  details?: {
    positions?: { title?: string; headcount?: number | null }[];
    neededBy?: Dayjs | null;
    amountCny?: number | null;
    purpose?: string;
    termMonths?: number | null;
    location?: string;
    hazardType?: HazardType;
    severity?: Severity;
    immediateDanger?: boolean;
  };
}

export interface FilingBody {
  category: Category;
  title: string;
  description: string;
  priority?: Priority;
  details: Record<string, unknown>;
}

/** The POST /requests body: only the chosen category's fields (the API rejects unknown ones). */
export function buildFilingBody(v: FilingValues): FilingBody {
  const d = v.details ?? {};
  const body: FilingBody = {
    category: v.category,
    title: v.title.trim(),
    description: v.description.trim(),
    details: {},
  };
  if (v.priority) body.priority = v.priority;
  switch (v.category) {
    case 'hiring':
      body.details = {
        positions: (d.positions ?? []).map((p) => ({ title: (p.title ?? '').trim(), headcount: Number(p.headcount) })),
        ...(d.neededBy ? { neededBy: toDateOnly(d.neededBy) } : {}),
      };
      break;
    case 'financing':
      body.details = {
        amountCny: Number(d.amountCny),
        purpose: (d.purpose ?? '').trim(),
        ...(d.termMonths !== undefined && d.termMonths !== null ? { termMonths: Number(d.termMonths) } : {}),
      };
      break;
    case 'safety_hazard':
      body.details = {
        location: (d.location ?? '').trim(),
        hazardType: d.hazardType,
        severity: d.severity,
        immediateDanger: d.immediateDanger ?? false,
      };
      break;
    case 'policy':
    case 'approval':
    case 'other':
      body.details = {};
  }
  return body;
}

/** Drafts survive a 503, a reload or a trip through login (sessionStorage, dates as strings). */
export function serializeDraft(v: Partial<FilingValues>): string {
  const d = v.details ?? {};
  return JSON.stringify({ ...v, details: { ...d, neededBy: d.neededBy ? toDateOnly(d.neededBy) : null } });
}

export function restoreDraft(raw: string | null): Partial<FilingValues> | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<FilingValues> & { details?: { neededBy?: string | null } };
    const neededBy = parsed.details?.neededBy;
    return {
      ...parsed,
      details: { ...(parsed.details as FilingValues['details']), neededBy: neededBy ? dayjs(neededBy) : null },
    };
  } catch {
    return null;
  }
}
