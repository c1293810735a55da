import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../api/types';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useNow } from '../../shared/use-now';
import { ActionModal } from '../requests/ActionModal';
import { RequestsTable } from '../requests/RequestsTable';
import { useRequests } from '../requests/requests-api';
import { ReviewFields } from '../workbench/CaseActions';

function ReviewButton({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  return (
    <ActionModal<{ outcome: 'rework' | 'upheld'; note: string }>
      requestId={request.id}
      action="review"
      buttonLabel={t('case.review')}
      buttonProps={{ size: 'small', type: 'primary' }}
      title={t('dashboard.reviewTitle', { referenceNo: request.referenceNo })}
      toBody={(v) => ({ outcome: v.outcome, note: v.note.trim() })}
    >
      <ReviewFields />
    </ActionModal>
  );
}

/** Every bad rating must be verified (核实): send back for rework or uphold the result. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const now = useNow();
  const list = useRequests({ status: 'under_review', page: 1, pageSize: 100 }, { refetchInterval: 60_000 });
  return (
    <Card title={t('nav.reviews')}>
      {list.error && <ApiErrorAlert error={list.error} />}
      <RequestsTable
        data={list.data}
        loading={list.isLoading}
        now={now}
        linkTo={(r) => `/workbench/cases/${r.id}`}
        showAssignee
        showCompany
        extraColumns={[{ key: 'review', width: 110, fixed: 'right', render: (_v, r) => <ReviewButton request={r} /> }]}
      />
    </Card>
  );
}
