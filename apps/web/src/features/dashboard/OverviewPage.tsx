import { Badge, Card, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestStatus, ServiceRequest } from '../../api/types';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { compareByDeadline } from '../../shared/sla';
import { useNow } from '../../shared/use-now';
import { ActionModal } from '../requests/ActionModal';
import { RequestsTable } from '../requests/RequestsTable';
import { useRequests } from '../requests/requests-api';
import { transferBody } from '../workbench/CaseActions';
import { TransferFields } from '../workbench/CaseFields';
import { WorkloadTable } from './WorkloadTable';

const DONE: RequestStatus[] = ['resolved', 'closed', 'cancelled'];
const caseLink = (r: ServiceRequest) => `/workbench/cases/${r.id}`;

function AssignButton({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  return (
    <ActionModal<{ toOfficerId?: string; reason: string }>
      requestId={request.id}
      action="transfer"
      buttonLabel={t('case.assign')}
      buttonProps={{ size: 'small', type: 'primary' }}
      title={t('dashboard.assignTitle', { referenceNo: request.referenceNo })}
      initialValues={{ reason: t('dashboard.defaultAssignReason') }}
      toBody={transferBody}
    >
      <TransferFields officerOnly />
    </ActionModal>
  );
}

/** The supervisor's view: what waits for an officer, what is late, what companies escalated, who carries what. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const now = useNow();
  const poll = { refetchInterval: 60_000 };
  const unassigned = useRequests({ status: 'submitted', page: 1, pageSize: 100 }, poll);
  const breached = useRequests({ breached: true, page: 1, pageSize: 100 }, poll);
  // API.md has no escalated filter: read the open cases and keep those with an escalation level.
  const recent = useRequests({ page: 1, pageSize: 100 }, poll);
  const escalated = useMemo(
    () =>
      (recent.data?.items ?? [])
        .filter((r) => (r.sla?.escalationLevel ?? 0) > 0 && !DONE.includes(r.status))
        .sort(compareByDeadline),
    [recent.data],
  );
  const openBreached = useMemo(
    () => (breached.data?.items ?? []).filter((r) => !DONE.includes(r.status)).sort(compareByDeadline),
    [breached.data],
  );
  const waiting = useMemo(() => [...(unassigned.data?.items ?? [])].sort(compareByDeadline), [unassigned.data]);

  const label = (text: string, n: number, colour: string) => (
    <span>
      {text} <Badge count={n} color={colour} showZero overflowCount={999} />
    </span>
  );
  return (
    <Card title={t('dashboard.title')}>
      <Tabs
        items={[
          {
            key: 'unassigned',
            label: label(t('dashboard.unassigned'), unassigned.data?.total ?? waiting.length, '#faad14'),
            children: (
              <>
                {unassigned.error && <ApiErrorAlert error={unassigned.error} />}
                <RequestsTable
                  data={unassigned.data}
                  rows={waiting}
                  loading={unassigned.isLoading}
                  now={now}
                  linkTo={caseLink}
                  showCompany
                  tintRows
                  extraColumns={[
                    { key: 'assign', width: 90, fixed: 'right', render: (_v, r) => <AssignButton request={r} /> },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'breached',
            label: label(t('dashboard.breached'), openBreached.length, '#ff4d4f'),
            children: (
              <>
                {breached.error && <ApiErrorAlert error={breached.error} />}
                <RequestsTable
                  data={breached.data}
                  rows={openBreached}
                  loading={breached.isLoading}
                  now={now}
                  linkTo={caseLink}
                  showAssignee
                  showCompany
                  tintRows
                />
              </>
            ),
          },
          {
            key: 'escalated',
            label: label(t('dashboard.escalated'), escalated.length, '#fa541c'),
            children: (
              <>
                {recent.error && <ApiErrorAlert error={recent.error} />}
                <RequestsTable
                  data={recent.data}
                  rows={escalated}
                  loading={recent.isLoading}
                  now={now}
                  linkTo={caseLink}
                  showAssignee
                  showCompany
                  tintRows
                />
              </>
            ),
          },
          { key: 'workload', label: t('dashboard.workload'), children: <WorkloadTable /> },
        ]}
      />
    </Card>
  );
}
