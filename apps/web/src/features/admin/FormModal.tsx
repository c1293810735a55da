import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { applyApiErrorToForm } from '../../shared/errors/form-errors';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Returns a promise; a rejection keeps the modal open with the error next to its fields. */
  onSubmit: (values: V) => Promise<unknown>;
  error: unknown;
  pending: boolean;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  width?: number;
}

/** The admin pages' create/edit dialog: labelled fields, API errors next to them, nothing lost on failure. */
export function FormModal<V extends object>(p: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (p.open) {
      form.resetFields();
      if (p.initialValues) form.setFieldsValue(p.initialValues);
    }
  }, [p.open, p.initialValues, form]);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await p.onSubmit(values);
      void message.success(t('common.saved'));
      p.onClose();
    } catch (e) {
      applyApiErrorToForm(form, e, t);
    }
  };
  return (
    <Modal
      open={p.open}
      title={p.title}
      width={p.width ?? 560}
      onCancel={p.onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: p.pending }}
      forceRender
    >
      {p.error ? <ApiErrorAlert error={p.error} style={{ marginBottom: 12 }} /> : null}
      <Form<V> form={form} layout="vertical" onFinish={() => void submit()}>
        {typeof p.children === 'function' ? p.children(form) : p.children}
      </Form>
    </Modal>
  );
}
