import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useDepartments, useUsers } from '../org/org-api';

const required = (t: (k: string) => string) => [
  { required: true, whitespace: true, message: t('validation.required') },
];

/** All the missing items at once (一次性告知): a list of lines, at least one. */
export function InfoItemsFields() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="items"
      initialValue={['']}
      rules={[
        {
          validator: (_r, v: unknown) =>
            Array.isArray(v) && v.length > 0
              ? Promise.resolve()
              : Promise.reject(new Error(t('validation.minItems', { min: 1 }))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item
                name={f.name}
                label={`${t('fields.items')} ${i + 1}`}
                rules={required(t)}
                style={{ flex: 1, minWidth: 280 }}
              >
                <Input />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('actions.remove')}
                disabled={fields.length <= 1}
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
            {t('case.addItem')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

export function officerLabel(u: User): string {
  const load = u.openCases !== undefined && u.capacity !== undefined ? ` (${u.openCases}/${u.capacity})` : '';
  return `${u.displayName}${u.available === false ? ' ⛔' : ''}${load}`;
}

/** Transfer: to a department or to an officer, with a reason. */
export function TransferFields({ officerOnly }: { officerOnly?: boolean }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const officers = useUsers('officer');
  return (
    <>
      {!officerOnly && (
        <Form.Item name="toDepartmentId" label={t('fields.toDepartmentId')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isLoading}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="toOfficerId"
        label={t('fields.toOfficerId')}
        dependencies={['toDepartmentId']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_r, v: unknown) =>
              v || getFieldValue('toDepartmentId')
                ? Promise.resolve()
                : Promise.reject(new Error(t('case.transferTarget'))),
          }),
        ]}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={officers.isLoading}
          options={(officers.data ?? []).map((u) => ({
            value: u.id,
            label: officerLabel(u),
            disabled: u.available === false,
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('fields.reason')} rules={required(t)}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

/** A dated plan: milestones with a title and a due time (Beijing time), and why the case needs one. */
export function PlanFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.List name="milestones" initialValue={[{ title: '' }]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'title']} label={`${t('fields.title')} ${i + 1}`} rules={required(t)}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'dueAt']}
                  label={t('fields.dueAt')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('actions.remove')}
                  disabled={fields.length <= 1}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ title: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('case.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="reason" label={t('fields.reason')} rules={required(t)}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

export function TextField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={required(t)}>
      <Input.TextArea autoSize={{ minRows: 3 }} />
    </Form.Item>
  );
}
