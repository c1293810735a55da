import { Button, Form, Input, Radio, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PRIORITIES, type Category } from '../../../api/types';
import { FinancingFields, HiringFields, SafetyHazardFields } from './CategoryFields';
import { filingRules, type FilingValues } from './filing-rules';

export const EMPTY_FILING: Partial<FilingValues> = {
  category: 'hiring',
  priority: 'normal',
  details: { positions: [{ title: '', headcount: 1 }], immediateDanger: false },
};

interface Props {
  form: FormInstance<FilingValues>;
  initialValues?: Partial<FilingValues>;
  submitting: boolean;
  onSubmit: (values: FilingValues) => void;
  onValuesChange?: (all: Partial<FilingValues>) => void;
}

/** The filing form: common fields plus the chosen category's own, each checked as the API checks it. */
export function FilingForm({ form, initialValues, submitting, onSubmit, onValuesChange }: Props) {
  const { t } = useTranslation();
  const rules = filingRules(t);
  const category = (Form.useWatch('category', form) as Category | undefined) ?? initialValues?.category ?? 'hiring';
  return (
    <Form<FilingValues>
      form={form}
      layout="vertical"
      initialValues={initialValues ?? EMPTY_FILING}
      onFinish={onSubmit}
      onValuesChange={(_, all) => onValuesChange?.(all)}
      scrollToFirstError
      requiredMark
    >
      <Form.Item name="category" label={t('filing.chooseCategory')} rules={rules.required}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`), title: t(`categoryHint.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('fields.title')} rules={rules.title} required>
        <Input maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')} rules={rules.description} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('filing.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="priority" label={t('fields.priority')}>
        <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} style={{ maxWidth: 200 }} />
      </Form.Item>
      {category === 'hiring' && <HiringFields />}
      {category === 'financing' && <FinancingFields />}
      {category === 'safety_hazard' && <SafetyHazardFields />}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} size="large">
          {t('actions.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
