import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Form, Input, Row, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Calendar } from '../../../api/types';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { useNotifyError } from '../../../shared/errors/use-notify-error';
import { FormModal } from '../FormModal';
import { calendarsKey, useCalendars } from '../config-api';
import { cycleDay, DEFAULT_HOURS, validHours } from './calendar-days';
import { DueCalculator } from './DueCalculator';
import { MonthView } from './MonthView';
import { WorkingHoursEditor } from './WorkingHoursEditor';

type CalendarBody = Omit<Calendar, 'id'>;
const bodyOf = ({ id: _id, ...rest }: Calendar): CalendarBody => rest;

export default function CalendarsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const qc = useQueryClient();
  const list = useCalendars();
  const [selectedId, setSelectedId] = useState<string>('cn-default');
  // Edits are kept against the version they started from; a newer server version starts afresh.
  const [edit, setEdit] = useState<{ base: Calendar; value: Calendar } | null>(null);
  const [creating, setCreating] = useState(false);
  const stored = list.data?.find((c) => c.id === selectedId) ?? list.data?.[0] ?? null;
  const draft = edit && edit.base === stored ? edit.value : stored;
  const setDraft = (value: Calendar) => stored && setEdit({ base: stored, value });
  const dirty = !!draft && !!stored && JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(stored));
  const refresh = () => qc.invalidateQueries({ queryKey: calendarsKey });

  const save = useMutation({
    mutationFn: (c: Calendar) =>
      api<Calendar>(`/calendars/${encodeURIComponent(c.id)}`, { method: 'PUT', body: bodyOf(c) }),
    onSuccess: () => (void message.success(t('common.saved')), refresh()),
  });
  const create = useMutation({
    mutationFn: (c: CalendarBody) => api<Calendar>('/calendars', { method: 'POST', body: c }),
    onSuccess: (c) => (setSelectedId(c.id), refresh()),
  });
  const importIcs = useMutation({
    mutationFn: (text: string) =>
      api<Calendar>(`/calendars/${encodeURIComponent(draft?.id ?? '')}/import-ics`, {
        method: 'POST',
        rawBody: { content: text, contentType: 'text/calendar' },
      }),
    onSuccess: () => (void message.success(t('admin.calendar.importDone')), refresh()),
    onError: notifyError,
  });

  return (
    <Card
      title={t('admin.calendars')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => (create.reset(), setCreating(true))}>
          {t('admin.calendar.newCalendar')}
        </Button>
      }
    >
      {list.error && <ApiErrorAlert error={list.error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('admin.policy.calendar')}
          style={{ width: 240 }}
          loading={list.isLoading}
          value={draft?.id}
          onChange={(id) => setSelectedId(id)}
          options={(list.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.timezone})` }))}
        />
        <Badge dot={dirty}>
          <Button
            type="primary"
            disabled={!dirty || !draft.workingHours.every(validHours)}
            loading={save.isPending}
            onClick={() => draft && save.mutate(draft)}
          >
            {t('actions.save')}
          </Button>
        </Badge>
        {dirty && <span>{t('admin.calendar.unsaved')}</span>}
        <Upload
          accept=".ics,text/calendar"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => importIcs.mutate(text));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importIcs.isPending} disabled={!draft}>
            {t('admin.calendar.importIcs')}
          </Button>
        </Upload>
      </Space>
      {save.error && <ApiErrorAlert error={save.error} style={{ marginBottom: 12 }} />}
      {draft && (
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={16}>
            <MonthView calendar={draft} onToggle={(date) => setDraft(cycleDay(draft, date))} />
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={t('admin.calendar.workingHours')}>
              <WorkingHoursEditor
                value={draft.workingHours}
                onChange={(workingHours) => setDraft({ ...draft, workingHours })}
              />
            </Card>
            <Card size="small" title={t('admin.calendar.dueCalc')} style={{ marginTop: 16 }}>
              <DueCalculator calendarId={draft.id} />
            </Card>
          </Col>
        </Row>
      )}
      <FormModal<{ name: string; timezone: string }>
        open={creating}
        title={t('admin.calendar.newCalendar')}
        initialValues={{ timezone: 'Asia/Shanghai' }}
        onClose={() => setCreating(false)}
        onSubmit={(v) =>
          create.mutateAsync({
            name: v.name.trim(),
            timezone: v.timezone.trim(),
            workingHours: DEFAULT_HOURS,
            holidays: [],
            workdays: [],
          })
        }
        error={create.error}
        pending={create.isPending}
      >
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="timezone"
          label={t('admin.calendar.timezone')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
