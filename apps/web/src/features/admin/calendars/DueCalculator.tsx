import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { formatDateTime, toZonedIso } from '../../../shared/time';
import { isIsoDuration } from '../sla/sla-form';

/** GET /calendars/:id/due: try a deadline before putting it in a policy. */
export function DueCalculator({ calendarId }: { calendarId: string }) {
  const { t } = useTranslation();
  const due = useMutation({
    mutationFn: (v: { from: Dayjs; duration: string; clock: string }) =>
      api<{ dueAt: string }>(`/calendars/${encodeURIComponent(calendarId)}/due`, {
        query: { from: toZonedIso(v.from), duration: v.duration.trim(), clock: v.clock },
      }),
  });
  return (
    <Form
      layout="inline"
      initialValues={{ duration: 'P3D', clock: 'business' }}
      onFinish={(v: { from: Dayjs; duration: string; clock: string }) => due.mutate(v)}
    >
      <Form.Item
        name="from"
        label={t('admin.calendar.from')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="duration"
        label={t('admin.calendar.duration')}
        rules={[
          {
            validator: (_r, v?: string) =>
              v && isIsoDuration(v) ? Promise.resolve() : Promise.reject(new Error(t('admin.policy.duration'))),
          },
        ]}
      >
        <Input style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="clock" label={t('admin.policy.clock')}>
        <Select
          style={{ width: 120 }}
          options={[
            { value: 'business', label: t('admin.policy.business') },
            { value: 'calendar', label: t('admin.policy.calendarClock') },
          ]}
        />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={due.isPending}>
          {t('admin.calendar.dueCalc')}
        </Button>
        {due.data && (
          <Typography.Text strong>
            {t('admin.calendar.dueAt')}: {formatDateTime(due.data.dueAt)}
          </Typography.Text>
        )}
      </Space>
      {due.error && <ApiErrorAlert error={due.error} style={{ marginTop: 8, width: '100%' }} />}
    </Form>
  );
}
