import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PRIORITIES, type Calendar } from '../../../api/types';
import { isIsoDuration, parseWarnAt } from './sla-form';

export function PolicyFields({ creating, calendars }: { creating: boolean; calendars: Calendar[] }) {
  const { t } = useTranslation();
  const req = [{ required: true, message: t('validation.required') }];
  const duration = [
    ...req,
    {
      validator: (_r: unknown, v?: string) =>
        !v || isIsoDuration(v) ? Promise.resolve() : Promise.reject(new Error(t('admin.policy.duration'))),
    },
  ];
  const clocks = [
    { value: 'business', label: t('admin.policy.business') },
    { value: 'calendar', label: t('admin.policy.calendarClock') },
  ];
  return (
    <>
      {creating && (
        <Form.Item
          name="name"
          label={t('admin.policy.policyName')}
          rules={[...req, { pattern: /^[\w-]+$/, message: 'a-z, 0-9, _ , -' }]}
        >
          <Input />
        </Form.Item>
      )}
      <Space wrap>
        <Form.Item name="category" label={t('fields.category')}>
          <Select
            allowClear
            placeholder={t('admin.policy.anyCategory')}
            style={{ width: 180 }}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('fields.priority')}>
          <Select
            allowClear
            placeholder={t('admin.policy.anyPriority')}
            style={{ width: 180 }}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="calendarId" label={t('admin.policy.calendar')} rules={req}>
          <Select style={{ width: 200 }} options={calendars.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item
          name="responseDuration"
          label={`${t('admin.policy.response')} · ${t('admin.policy.duration')}`}
          rules={duration}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="responseClock" label={t('admin.policy.clock')} rules={req}>
          <Select style={{ width: 140 }} options={clocks} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item
          name="resolutionDuration"
          label={`${t('admin.policy.resolution')} · ${t('admin.policy.duration')}`}
          rules={duration}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="resolutionClock" label={t('admin.policy.clock')} rules={req}>
          <Select style={{ width: 140 }} options={clocks} />
        </Form.Item>
      </Space>
      <Form.Item
        name="warnAt"
        label={t('admin.policy.warnAt')}
        rules={[
          {
            validator: (_r, v?: string) =>
              parseWarnAt(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('admin.policy.warnAt'))),
          },
        ]}
      >
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.List name="escalation">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('admin.policy.escalation')}</legend>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'after']} label={`${t('admin.policy.after')} ${i + 1}`} rules={duration}>
                  <Input style={{ width: 140 }} placeholder="PT1H" />
                </Form.Item>
                <Form.Item name={[f.name, 'notify']} label={t('admin.policy.notify')} rules={req}>
                  <Select
                    style={{ width: 160 }}
                    options={(['supervisor', 'department_head', 'admin'] as const).map((n) => ({
                      value: n,
                      label: t(`admin.notifyTarget.${n}`),
                    }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('actions.remove')}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ after: 'PT1H', notify: 'supervisor' })}>
              {t('actions.add')}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </>
  );
}
