import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { describeIssue, validationIssues, type FieldPath } from './error-mapping';

/**
 * Puts a 400's field messages next to their fields (form values mirror the API body, so the API's
 * path is the field's name). Returns true when at least one field got a message.
 */
export function applyApiErrorToForm(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  t: (key: string, params?: Record<string, unknown>) => string,
  mapPath: (path: FieldPath) => FieldPath | null = (p) => p,
): boolean {
  if (!isApiError(error) || error.status !== 400) return false;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const issue of validationIssues(error)) {
    if (!issue.path) continue;
    const name = mapPath(issue.path);
    if (!name) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(describeIssue(issue, t));
    byField.set(key, entry);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}

export function useApplyApiError(
  form: Pick<FormInstance, 'setFields'>,
  mapPath?: (path: FieldPath) => FieldPath | null,
) {
  const { t } = useTranslation();
  return useCallback((error: unknown) => applyApiErrorToForm(form, error, t, mapPath), [form, t, mapPath]);
}
