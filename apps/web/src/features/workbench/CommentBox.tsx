import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useApplyApiError } from '../../shared/errors/form-errors';
import { useRequestAction } from '../requests/requests-api';

/** A comment: internal by default (hidden from the company) or a public reply. */
export function CommentBox({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string; internal: boolean }>();
  const action = useRequestAction(requestId, 'comments');
  const applyError = useApplyApiError(form);
  const internal = Form.useWatch('internal', form) as boolean | undefined;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ internal: true }}
      onFinish={(v) =>
        action.mutate(
          { body: v.body.trim(), internal: !!v.internal },
          { onSuccess: () => form.resetFields(['body']), onError: applyError },
        )
      }
    >
      {action.error && <ApiErrorAlert error={action.error} style={{ marginBottom: 8 }} />}
      <Form.Item
        name="body"
        label={t('fields.body')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="internal" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('fields.internal')}</Checkbox>
      </Form.Item>
      <Button htmlType="submit" type={internal ? 'default' : 'primary'} loading={action.isPending}>
        {internal ? t('case.comment') : t('case.publicComment')}
      </Button>
    </Form>
  );
}
