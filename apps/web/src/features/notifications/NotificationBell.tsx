import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/time';
import { useMarkRead, useUnreadNotifications } from './notifications-api';

export function NotificationBell({ requestPath, live }: { requestPath: (id: string) => string; live: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadNotifications(true);
  const markRead = useMarkRead();
  const items = unread.data ?? [];
  return (
    <>
      <Badge count={items.length} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={`${t('notifications.title')} (${items.length})`}
          onClick={() => setOpen(true)}
          style={{ color: 'inherit' }}
        />
      </Badge>
      <Drawer
        title={
          <Space>
            {t('notifications.title')}
            {live && <Tag color="green">{t('notifications.live')}</Tag>}
          </Space>
        }
        open={open}
        onClose={() => setOpen(false)}
        size="default"
        extra={
          items.length > 0 && (
            <Button size="small" onClick={() => items.forEach((n) => markRead.mutate(n.id))}>
              {t('actions.markAllRead')}
            </Button>
          )
        }
      >
        {items.length === 0 ? (
          <Empty description={t('notifications.empty')} />
        ) : (
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id}>
                <Space wrap>
                  <Tag>{t(`notifications.type.${n.type}`, { defaultValue: n.type })}</Tag>
                  {n.requestId ? (
                    <Link to={requestPath(n.requestId)} onClick={() => setOpen(false)}>
                      {n.referenceNo ?? n.requestId}
                    </Link>
                  ) : (
                    n.referenceNo
                  )}
                </Space>
                <div style={{ margin: '4px 0' }}>{n.message}</div>
                <Space>
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  <Button size="small" type="link" onClick={() => markRead.mutate(n.id)}>
                    {t('actions.markRead')}
                  </Button>
                </Space>
              </li>
            ))}
          </ul>
        )}
      </Drawer>
    </>
  );
}
