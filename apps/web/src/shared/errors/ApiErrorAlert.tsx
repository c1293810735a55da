import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { describeIssue, fieldLabel, summarizeError, validationIssues } from './error-mapping';

/** A readable error block: the code's title in the chosen language, the API's words, and every field issue. */
export function ApiErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error)) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('errors.status.5xx')}
        description={error instanceof Error ? error.message : JSON.stringify(error)}
        style={style}
      />
    );
  }
  const summary = summarizeError(error);
  const issues = error.status === 400 ? validationIssues(error) : [];
  const withPath = issues.filter((i) => i.path);
  return (
    <Alert
      type={error.status === 503 || error.status === 0 ? 'warning' : 'error'}
      showIcon
      role="alert"
      title={t(summary.titleKey)}
      style={style}
      description={
        withPath.length > 0 ? (
          <>
            <div>{t('errors.summary')}</div>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {issues.map((i, n) => (
                <li key={n}>{i.path ? `${fieldLabel(i.path, t)}: ${describeIssue(i, t)}` : i.raw}</li>
              ))}
            </ul>
          </>
        ) : (
          summary.detail
        )
      }
    />
  );
}
