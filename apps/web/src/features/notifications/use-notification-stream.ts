import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { API_BASE } from '../../api/client';
import type { AppNotification } from '../../api/types';
import { mergeNotification, unreadKey } from './notifications-api';

/** When the request lists are refreshed a second time after a live notification. */
const SETTLE_REFRESH_MS = 1_500;

export function parseNotificationEvent(data: string): AppNotification | null {
  try {
    const n = JSON.parse(data) as Partial<AppNotification>;
    return typeof n.id === 'string' && typeof n.type === 'string' ? (n as AppNotification) : null;
  } catch {
    return null;
  }
}

/**
 * Live notifications over Server-Sent Events (token in the query, as EventSource cannot send headers).
 * Each one lands in the unread list, refreshes the request lists and pops a toast. The lists are
 * refreshed twice: the requests service writes its side of an event (the new assignee, say) apart
 * from the notifications service, and may commit a moment after the notification arrives.
 */
export function useNotificationStream(token: string | null, requestPath: (id: string) => string) {
  const qc = useQueryClient();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!token || typeof EventSource === 'undefined') return undefined;
    const url = `${API_BASE}/notifications/stream?access_token=${encodeURIComponent(token)}`;
    const source = new EventSource(url);
    const refreshes = new Set<ReturnType<typeof setTimeout>>();
    const onMessage = (e: MessageEvent<string>) => {
      const n = parseNotificationEvent(e.data);
      if (!n) return;
      qc.setQueryData<AppNotification[]>(unreadKey, (old) => mergeNotification(old, n));
      void qc.invalidateQueries({ queryKey: ['requests'] });
      const again = setTimeout(() => {
        refreshes.delete(again);
        void qc.invalidateQueries({ queryKey: ['requests'] });
      }, SETTLE_REFRESH_MS);
      refreshes.add(again);
      const requestId = n.requestId;
      notification.info({
        key: n.id,
        title: `${t(`notifications.type.${n.type}`, { defaultValue: n.type })}${n.referenceNo ? ` · ${n.referenceNo}` : ''}`,
        description: n.message,
        placement: 'bottomRight',
        onClick: requestId ? () => void navigate(requestPath(requestId)) : undefined,
        style: requestId ? { cursor: 'pointer' } : undefined,
      });
    };
    source.addEventListener('message', onMessage);
    // Some servers name the event after the notification type: listen to those too.
    const types = [
      'notification',
      'request.assigned',
      'request.unassigned',
      'request.info_requested',
      'request.resolved',
      'sla.warning',
      'sla.breached',
      'sla.escalated',
      'rating.bad',
    ];
    types.forEach((type) => source.addEventListener(type, onMessage as EventListener));
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      refreshes.forEach(clearTimeout);
      source.close();
      setConnected(false);
    };
  }, [token, qc, notification, t, navigate, requestPath]);

  return connected;
}
