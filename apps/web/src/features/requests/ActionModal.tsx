import { App, Button, Form, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useApplyApiError } from '../../shared/errors/form-errors';
import { useRequestAction, type RequestAction } from './requests-api';

interface Props<V> {
  requestId: string;
  action: RequestAction;
  buttonLabel: ReactNode;
  title: ReactNode;
  buttonProps?: ButtonProps;
  danger?: boolean;
  initialValues?: Partial<V>;
  /** Form values → the API body (form names mirror the body, so API field errors land next to fields). */
  toBody?: (values: V) => unknown;
  children: ReactNode;
  width?: number;
  onDone?: () => void;
}

/** A button that opens a small form, posts one case action and keeps the form open (with the errors) if it fails. */
export function ActionModal<V extends object>(p: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const mutation = useRequestAction(p.requestId, p.action);
  const applyError = useApplyApiError(form);

  const submit = async () => {
    const values = await form.validateFields();
    mutation.mutate(p.toBody ? p.toBody(values) : values, {
      onSuccess: () => {
        void message.success(t('common.done'));
        setOpen(false);
        form.resetFields();
        p.onDone?.();
      },
      onError: (err) => applyError(err),
    });
  };

  return (
    <>
      <Button danger={p.danger} {...p.buttonProps} onClick={() => setOpen(true)}>
        {p.buttonLabel}
      </Button>
      <Modal
        open={open}
        title={p.title}
        width={p.width}
        onCancel={() => setOpen(false)}
        onOk={() => void submit().catch(() => undefined)}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ danger: p.danger, loading: mutation.isPending }}
        destroyOnHidden={false}
      >
        {mutation.error && <ApiErrorAlert error={mutation.error} style={{ marginBottom: 12 }} />}
        <Form<V> form={form} layout="vertical" initialValues={p.initialValues} onFinish={() => void submit()}>
          {p.children}
        </Form>
      </Modal>
    </>
  );
}
