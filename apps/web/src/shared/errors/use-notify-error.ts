import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { summarizeError } from './error-mapping';

/** A toast for a failed action that has no form to show it in. */
export function useNotifyError() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.status === 401) return; // the shell sends the person to login
      const s = isApiError(error) ? summarizeError(error) : { titleKey: 'errors.status.5xx', detail: String(error) };
      notification.error({ title: t(s.titleKey), description: s.detail, placement: 'topRight' });
    },
    [notification, t],
  );
}
