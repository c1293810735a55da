import { App, Card, Form, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useApplyApiError } from '../../shared/errors/form-errors';
import { EMPTY_FILING, FilingForm } from './filing/FilingForm';
import { buildFilingBody, restoreDraft, serializeDraft, type FilingValues } from './filing/filing-rules';
import { useFileRequest } from './portal-api';

const DRAFT_KEY = 'qifu.filingDraft';

function readDraft(): Partial<FilingValues> | null {
  try {
    return restoreDraft(window.sessionStorage.getItem(DRAFT_KEY));
  } catch {
    return null;
  }
}

export default function FilingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FilingValues>();
  const applyError = useApplyApiError(form);
  const file = useFileRequest();
  const [draft] = useState(readDraft);
  const centre = params.get('centre');
  const category = params.get('category');
  const initial = useMemo(() => {
    const base = draft ?? EMPTY_FILING;
    return category && !draft ? { ...base, category: category as FilingValues['category'] } : base;
  }, [draft, category]);

  const submit = (values: FilingValues) => {
    file.mutate(buildFilingBody(values), {
      onSuccess: (created) => {
        window.sessionStorage.removeItem(DRAFT_KEY);
        void message.success(t('filing.submitted', { referenceNo: created.referenceNo }));
        void navigate(`/portal/requests/${created.id}`);
      },
      onError: (err) => applyError(err),
    });
  };

  return (
    <Card
      title={t('filing.title')}
      extra={centre ? <Tag color="blue">{t('filing.centre', { centre })}</Tag> : null}
      style={{ maxWidth: 860, margin: '0 auto' }}
    >
      {draft && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('filing.draftRestored')}
        </Typography.Paragraph>
      )}
      {file.error && <ApiErrorAlert error={file.error} style={{ marginBottom: 16 }} />}
      <FilingForm
        form={form}
        initialValues={initial}
        submitting={file.isPending}
        onSubmit={submit}
        onValuesChange={(all) => {
          try {
            window.sessionStorage.setItem(DRAFT_KEY, serializeDraft(all));
          } catch {
            /* storage full or blocked: the form still keeps its values */
          }
        }}
      />
    </Card>
  );
}
