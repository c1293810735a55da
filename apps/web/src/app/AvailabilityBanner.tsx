import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVAILABILITY_EVENT, apiEvents } from '../api/client';

/** Shown while the API answers 503 (or cannot be reached); gone with the next successful call. */
export function AvailabilityBanner() {
  const { t } = useTranslation();
  const [down, setDown] = useState<{ status: number } | null>(null);
  useEffect(() => {
    const onChange = (e: Event) => {
      const detail = (e as CustomEvent<{ up: boolean; status?: number }>).detail;
      setDown(detail.up ? null : { status: detail.status ?? 503 });
    };
    apiEvents.addEventListener(AVAILABILITY_EVENT, onChange);
    return () => apiEvents.removeEventListener(AVAILABILITY_EVENT, onChange);
  }, []);
  if (!down) return null;
  return (
    <Alert
      banner
      type="warning"
      role="alert"
      title={down.status === 0 ? t('errors.offlineBanner') : t('errors.unavailableBanner', { status: down.status })}
      closable={{ onClose: () => setDown(null) }}
    />
  );
}
