import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest, TimelineEvent } from '../../api/types';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useApplyApiError } from '../../shared/errors/form-errors';
import { ActionModal } from '../requests/ActionModal';
import { useRequestAction } from '../requests/requests-api';
import { eventItems, eventText, latestInfoRequest } from '../requests/timeline-text';

const OPEN: ServiceRequest['status'][] = ['submitted', 'assigned', 'in_progress', 'awaiting_company'];

function ProvideInfo({ request, timeline }: { request: ServiceRequest; timeline: TimelineEvent[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ message: string }>();
  const action = useRequestAction(request.id, 'provide-info');
  const applyError = useApplyApiError(form);
  const ask = latestInfoRequest(timeline);
  const items = request.infoRequest?.items ?? (ask ? eventItems(ask) : []);
  return (
    <Card title={t('detail.provideInfo')} size="small" style={{ borderColor: '#fa8c16' }}>
      <Alert
        type="warning"
        showIcon
        title={t('detail.infoRequested')}
        description={
          items.length > 0 ? (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {items.map((it, i) => (
                <li key={i}>{it}</li>
              ))}
            </ol>
          ) : (
            ((ask && eventText(ask)) ?? null)
          )
        }
        style={{ marginBottom: 12 }}
      />
      {action.error && <ApiErrorAlert error={action.error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => action.mutate(v, { onSuccess: () => form.resetFields(), onError: applyError })}
      >
        <Form.Item
          name="message"
          label={t('fields.message')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          {t('detail.provideInfo')}
        </Button>
      </Form>
    </Card>
  );
}

function RateResult({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: 'good' | 'bad'; comment?: string }>();
  const action = useRequestAction(request.id, 'rate');
  const applyError = useApplyApiError(form);
  const rating = Form.useWatch('rating', form);
  return (
    <Card title={t('detail.rateTitle')} size="small" style={{ borderColor: '#13c2c2' }}>
      {action.error && <ApiErrorAlert error={action.error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          action.mutate(
            { rating: v.rating, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
            { onError: applyError },
          )
        }
      >
        <Form.Item
          name="rating"
          label={t('fields.rating')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'good', label: `👍 ${t('detail.good')}` },
              { value: 'bad', label: `👎 ${t('detail.bad')}` },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={`${t('fields.comment')} ${rating === 'bad' ? '' : t('common.optional')}`}
          rules={rating === 'bad' ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          {t('actions.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ReasonField({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
    >
      <Input.TextArea autoSize={{ minRows: 3 }} />
    </Form.Item>
  );
}

/** What a company can do with its request, depending on its status. */
export function CompanyActions({ request, timeline }: { request: ServiceRequest; timeline: TimelineEvent[] }) {
  const { t } = useTranslation();
  const open = OPEN.includes(request.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {request.status === 'awaiting_company' && <ProvideInfo request={request} timeline={timeline} />}
      {request.status === 'resolved' && <RateResult request={request} />}
      {open && (
        <Card size="small" title={t('detail.actions')}>
          <Typography.Paragraph type="secondary">{t('detail.escalateHint')}</Typography.Paragraph>
          <Space wrap>
            <ActionModal
              requestId={request.id}
              action="escalate"
              buttonLabel={t('detail.escalate')}
              title={t('detail.escalate')}
              buttonProps={{ type: 'primary', ghost: true }}
            >
              <ReasonField label={t('fields.reason')} />
            </ActionModal>
            <ActionModal
              requestId={request.id}
              action="cancel"
              danger
              buttonLabel={t('detail.cancelRequest')}
              title={t('detail.cancelRequest')}
            >
              <Alert type="warning" title={t('detail.cancelHint')} style={{ marginBottom: 12 }} />
              <ReasonField label={t('fields.reason')} />
            </ActionModal>
          </Space>
        </Card>
      )}
    </Space>
  );
}
