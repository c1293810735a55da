import type { ApiError } from '../../api/api-error';

/** A path into a form's values, as antd's Form expects it: ['details', 'positions', 0, 'headcount']. */
export type FieldPath = (string | number)[];

export interface ParsedValidation {
  /** null when the message names no field. */
  path: FieldPath | null;
  /** i18n key under `validation.` or null when the rule is unknown (then `raw` is shown). */
  rule: string | null;
  params: Record<string, string>;
  raw: string;
}

export function parseFieldPath(field: string): FieldPath {
  return field
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const PATH = '([A-Za-z_$][\\w$]*(?:(?:\\.|\\[)[\\w$]+\\]?)*)';
const RULES: { re: RegExp; rule: string; params?: string[] }[] = [
  { re: new RegExp(`^property ${PATH} should not exist$`), rule: 'unknownField' },
  { re: new RegExp(`^${PATH} should not be empty$`), rule: 'required' },
  { re: new RegExp(`^${PATH} must not be greater than (-?[\\d.]+)$`), rule: 'max', params: ['max'] },
  { re: new RegExp(`^${PATH} must not be less than (-?[\\d.]+)$`), rule: 'min', params: ['min'] },
  { re: new RegExp(`^${PATH} must be an integer number$`), rule: 'integer' },
  { re: new RegExp(`^${PATH} must be a positive number$`), rule: 'positive' },
  { re: new RegExp(`^${PATH} must be a number.*$`), rule: 'number' },
  { re: new RegExp(`^${PATH} must be a string$`), rule: 'string' },
  { re: new RegExp(`^${PATH} must be a boolean value$`), rule: 'boolean' },
  { re: new RegExp(`^${PATH} must be an array$`), rule: 'array' },
  { re: new RegExp(`^${PATH} must be one of the following values: (.*)$`), rule: 'oneOf', params: ['values'] },
  { re: new RegExp(`^${PATH} must be a valid ISO 8601 date string$`), rule: 'date' },
  { re: new RegExp(`^${PATH} must contain at least (\\d+) elements?$`), rule: 'minItems', params: ['min'] },
  { re: new RegExp(`^${PATH} must contain no more than (\\d+) elements?$`), rule: 'maxItems', params: ['max'] },
  { re: new RegExp(`^${PATH} must be longer than or equal to (\\d+) characters$`), rule: 'minLength', params: ['min'] },
  {
    re: new RegExp(`^${PATH} must be shorter than or equal to (\\d+) characters$`),
    rule: 'maxLength',
    params: ['max'],
  },
  { re: new RegExp(`^${PATH} must be an? (?:valid )?(?:unified social )?credit code.*$`, 'i'), rule: 'creditCode' },
  { re: new RegExp(`^${PATH} must be an email$`), rule: 'email' },
];
/** Any "<path> must/should/is ..." sentence: the path is kept, the words are shown as the API wrote them. */
const GENERIC = new RegExp(`^${PATH} (?:must|should|is|has|contains) .+$`);

/** Reads one class-validator style message ("details.positions.0.headcount must not be greater than 10000"). */
export function parseValidationMessage(message: string): ParsedValidation {
  const text = message.trim();
  for (const { re, rule, params } of RULES) {
    const m = re.exec(text);
    if (!m || !m[1]) continue;
    const values: Record<string, string> = {};
    (params ?? []).forEach((p, i) => {
      values[p] = m[i + 2] ?? '';
    });
    return { path: parseFieldPath(m[1]), rule, params: values, raw: text };
  }
  const g = GENERIC.exec(text);
  if (g?.[1] && /[.[]|[a-z][A-Z]|^[a-z]+$/.test(g[1])) {
    return { path: parseFieldPath(g[1]), rule: null, params: {}, raw: text };
  }
  return { path: null, rule: null, params: {}, raw: text };
}

/** Every field problem of an API error: `details: [{field, message}]` when present, else the message(s). */
export function validationIssues(error: Pick<ApiError, 'messages' | 'details'>): ParsedValidation[] {
  if (error.details.length > 0) {
    return error.details.map((d) => {
      const parsed = parseValidationMessage(d.message.startsWith(d.field) ? d.message : `${d.field} ${d.message}`);
      return { ...parsed, path: parseFieldPath(d.field), raw: d.message };
    });
  }
  return error.messages.flatMap((m) => splitCombined(m)).map(parseValidationMessage);
}

/** Some servers join several messages with "; " or ", " into one string. */
function splitCombined(message: string): string[] {
  const parts = message.split(/;\s+/);
  return parts.length > 1 ? parts : [message];
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The words shown next to a field, in the chosen language. */
export function describeIssue(issue: ParsedValidation, t: Translate): string {
  return issue.rule ? t(`validation.${issue.rule}`, issue.params) : issue.raw;
}

/** The label of a field path, for summaries: the last named segment, e.g. headcount → 人数. */
export function fieldLabel(path: FieldPath, t: Translate): string {
  const named = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  const idx = path.find((s): s is number => typeof s === 'number');
  const label = t(`fields.${named}`, { defaultValue: named });
  return idx === undefined ? label : `${label} #${idx + 1}`;
}

export interface ErrorSummary {
  /** i18n key of a short title, e.g. errors.code.INVALID_TRANSITION */
  titleKey: string;
  /** The API's own words (kept: they name the current status, the retry time...). */
  detail: string;
}

const KNOWN_CODES = new Set([
  'VALIDATION_FAILED',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'NETWORK',
  'PAYLOAD_TOO_LARGE',
  'CONFLICT',
]);

export function summarizeError(error: Pick<ApiError, 'status' | 'code' | 'message'>): ErrorSummary {
  if (KNOWN_CODES.has(error.code)) return { titleKey: `errors.code.${error.code}`, detail: error.message };
  if (error.status === 0) return { titleKey: 'errors.code.NETWORK', detail: error.message };
  if (error.status >= 500) return { titleKey: 'errors.status.5xx', detail: error.message };
  return { titleKey: `errors.status.${error.status}`, detail: error.message };
}
