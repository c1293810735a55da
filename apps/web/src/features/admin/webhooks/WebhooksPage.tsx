import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asItems } from '../../../api/client';
import type { Paged, Webhook, WebhookDelivery } from '../../../api/types';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { formatDateTime } from '../../../shared/time';
import { optionalList } from '../../org/org-api';
import { FormModal } from '../FormModal';
import { useAdminWrite } from '../admin-api';

export const WEBHOOK_EVENTS = [
  'request.filed',
  'request.assigned',
  'request.unassigned',
  'request.info_requested',
  'request.resolved',
  'request.closed',
  'request.cancelled',
  'sla.warning',
  'sla.breached',
  'sla.escalated',
  'rating.bad',
];
const webhooksKey = ['webhooks'] as const;

function Deliveries({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['webhooks', webhook?.id, 'deliveries'],
    enabled: !!webhook,
    queryFn: async () =>
      asItems(
        await api<WebhookDelivery[] | Paged<WebhookDelivery>>(`/webhooks/${webhook?.id ?? ''}/deliveries`, {
          query: { pageSize: 100 },
        }),
      ),
    refetchInterval: 10_000,
  });
  const ok = (d: WebhookDelivery) => (d.statusCode ?? 0) >= 200 && (d.statusCode ?? 0) < 300;
  return (
    <Drawer
      open={!!webhook}
      onClose={onClose}
      size="large"
      title={`${t('admin.webhook.deliveries')} · ${webhook?.url ?? ''}`}
    >
      {q.error && <ApiErrorAlert error={q.error} />}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        columns={[
          { title: t('admin.webhook.time'), dataIndex: 'createdAt', render: (v?: string) => formatDateTime(v) },
          { title: t('admin.webhook.event'), dataIndex: 'event' },
          {
            title: t('admin.webhook.status'),
            key: 'status',
            render: (_v, d) => <Tag color={ok(d) ? 'green' : 'red'}>{d.statusCode ?? d.status ?? '—'}</Tag>,
          },
          { title: t('admin.webhook.attempts'), dataIndex: 'attempts' },
          { title: t('admin.webhook.error'), dataIndex: 'error', ellipsis: true },
        ]}
      />
    </Drawer>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation();
  // GET /webhooks is not in API.md; without it the page lists the webhooks created in this session.
  const list = useQuery({ queryKey: webhooksKey, queryFn: () => optionalList<Webhook>('/webhooks') });
  const [created, setCreated] = useState<Webhook[]>([]);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Webhook | null>(null);
  const create = useAdminWrite<{ url: string; events: string[]; secret: string }, Webhook>('POST', () => '/webhooks', [
    webhooksKey,
  ]);
  const rows = list.data?.available === false ? created : (list.data?.items ?? []);
  return (
    <Card
      title={t('admin.webhooks')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (create.reset(), setOpen(true))}>
          {t('admin.webhook.newWebhook')}
        </Button>
      }
    >
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.data?.available === false && (
        <Alert type="info" showIcon title={t('admin.webhook.listUnavailable')} style={{ marginBottom: 12 }} />
      )}
      <Table<Webhook>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        scroll={{ x: 700 }}
        columns={[
          { title: t('fields.url'), dataIndex: 'url', render: (v: string) => <code>{v}</code> },
          {
            title: t('fields.events'),
            dataIndex: 'events',
            render: (es: string[]) => es.map((e) => <Tag key={e}>{e}</Tag>),
          },
          { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (v?: string) => formatDateTime(v) },
          {
            key: 'deliveries',
            width: 120,
            render: (_v, w) => (
              <Button size="small" onClick={() => setShown(w)}>
                {t('admin.webhook.deliveries')}
              </Button>
            ),
          },
        ]}
      />
      <Deliveries webhook={shown} onClose={() => setShown(null)} />
      <FormModal<{ url: string; events: string[]; secret: string }>
        open={open}
        title={t('admin.webhook.newWebhook')}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const w = await create.mutateAsync({ url: v.url.trim(), events: v.events, secret: v.secret });
          setCreated((prev) => [w, ...prev]);
        }}
        error={create.error}
        pending={create.isPending}
      >
        <Form.Item
          name="url"
          label={t('fields.url')}
          rules={[{ required: true, type: 'url', pattern: /^https?:\/\//, message: t('validation.url') }]}
        >
          <Input placeholder="https://" inputMode="url" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('fields.events')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.minItems', { min: 1 }) }]}
        >
          <Select mode="tags" options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: e }))} />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('fields.secret')}
          extra={t('admin.webhook.signatureHelp')}
          rules={[{ required: true, min: 16, message: t('validation.minLength', { min: 16 }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
