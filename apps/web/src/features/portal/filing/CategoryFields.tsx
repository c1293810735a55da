import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { HAZARD_TYPES, SEVERITIES } from '../../../api/types';
import { filingRules, LIMITS } from './filing-rules';

export function HiringFields() {
  const { t } = useTranslation();
  const rules = filingRules(t);
  return (
    <>
      <Form.List name={['details', 'positions']} rules={rules.positions}>
        {(fields, { add, remove }, { errors }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>
              {t('fields.positions')} <span style={{ color: '#888' }}>({t('filing.positionsLimit')})</span>
            </legend>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[field.name, 'title']}
                  label={`${t('filing.positionTitle')} ${index + 1}`}
                  rules={rules.positionTitle}
                  validateTrigger={['onChange', 'onBlur']}
                >
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'headcount']}
                  label={t('fields.headcount')}
                  rules={rules.headcount}
                  validateTrigger={['onChange', 'onBlur']}
                >
                  <InputNumber style={{ width: 120 }} inputMode="numeric" />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={`${t('actions.remove')} ${index + 1}`}
                  disabled={fields.length <= LIMITS.positions.min}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Form.Item>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= LIMITS.positions.max}
                onClick={() => add({ title: '', headcount: 1 })}
              >
                {t('filing.addPosition')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name={['details', 'neededBy']} label={`${t('fields.neededBy')} ${t('common.optional')}`}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}

export function FinancingFields() {
  const { t } = useTranslation();
  const rules = filingRules(t);
  return (
    <>
      <Form.Item
        name={['details', 'amountCny']}
        label={t('fields.amountCny')}
        rules={rules.amountCny}
        validateTrigger={['onChange', 'onBlur']}
      >
        <InputNumber style={{ width: 240 }} prefix="¥" inputMode="decimal" />
      </Form.Item>
      <Form.Item name={['details', 'purpose']} label={t('fields.purpose')} rules={rules.purpose}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name={['details', 'termMonths']}
        label={`${t('fields.termMonths')} ${t('common.optional')}`}
        rules={rules.termMonths}
        validateTrigger={['onChange', 'onBlur']}
      >
        <InputNumber style={{ width: 160 }} inputMode="numeric" />
      </Form.Item>
    </>
  );
}

export function SafetyHazardFields() {
  const { t } = useTranslation();
  const rules = filingRules(t);
  const severity = Form.useWatch(['details', 'severity']) as string | undefined;
  const danger = Form.useWatch(['details', 'immediateDanger']) as boolean | undefined;
  return (
    <>
      <Form.Item name={['details', 'location']} label={t('fields.location')} rules={rules.location}>
        <Input />
      </Form.Item>
      <Form.Item name={['details', 'hazardType']} label={t('fields.hazardType')} rules={rules.required}>
        <Select
          options={HAZARD_TYPES.map((h) => ({ value: h, label: t(`hazardType.${h}`) }))}
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      <Form.Item name={['details', 'severity']} label={t('fields.severity')} rules={rules.required}>
        <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name={['details', 'immediateDanger']} label={t('fields.immediateDanger')} valuePropName="checked">
        <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
      </Form.Item>
      {(severity === 'critical' || danger) && (
        <Alert type="error" showIcon title={t('filing.urgentNotice')} style={{ marginBottom: 16 }} />
      )}
    </>
  );
}
