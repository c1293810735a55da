import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest, TimelineEvent, User } from '../../api/types';
import { useNotifyError } from '../../shared/errors/use-notify-error';
import { toZonedIso } from '../../shared/time';
import { ActionModal } from '../requests/ActionModal';
import { useRequestAction } from '../requests/requests-api';
import { eventText, latestOfType } from '../requests/timeline-text';
import { InfoItemsFields, PlanFields, TextField, TransferFields } from './CaseFields';

interface TransferValues {
  toDepartmentId?: string;
  toOfficerId?: string;
  reason: string;
}
export function transferBody(v: TransferValues) {
  return {
    ...(v.toDepartmentId ? { toDepartmentId: v.toDepartmentId } : {}),
    ...(v.toOfficerId ? { toOfficerId: v.toOfficerId } : {}),
    reason: v.reason.trim(),
  };
}

interface PlanValues {
  milestones: { title: string; dueAt: Dayjs }[];
  reason: string;
}
export function planBody(v: PlanValues) {
  return {
    milestones: v.milestones.map((m) => ({ title: m.title.trim(), dueAt: toZonedIso(m.dueAt) })),
    reason: v.reason.trim(),
  };
}

/** Every action of a case the current user may take now; the API remains the judge (409 names the status). */
export function CaseActions({
  request,
  user,
  timeline,
}: {
  request: ServiceRequest;
  user: User;
  timeline: TimelineEvent[];
}) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const accept = useRequestAction(request.id, 'accept');
  const reopen = useRequestAction(request.id, 'reopen');
  const s = request.status;
  const mine = request.assignee?.id === user.id;
  const manager = user.role === 'supervisor' || user.role === 'admin';
  const working = s === 'in_progress' || s === 'awaiting_company';
  const badRating = latestOfType(timeline, 'rated');
  // The same conditions as the buttons below: with none of them, say so instead of an empty card.
  const anyAction =
    s === 'assigned' ||
    working ||
    (s === 'submitted' && manager) ||
    (s === 'under_review' && manager) ||
    ((s === 'closed' || s === 'resolved') && manager);
  if (!anyAction)
    return <Typography.Text type="secondary">{t('case.noActions', { status: t(`status.${s}`) })}</Typography.Text>;

  return (
    <Space wrap>
      {s === 'assigned' && (mine || manager) && (
        <Button
          type="primary"
          loading={accept.isPending}
          onClick={() => accept.mutate(undefined, { onError: notifyError })}
        >
          {t('case.accept')}
        </Button>
      )}
      {s === 'in_progress' && (
        <ActionModal<{ items: string[] }>
          requestId={request.id}
          action="request-info"
          buttonLabel={t('case.requestInfo')}
          title={t('case.requestInfo')}
          toBody={(v) => ({ items: v.items.map((x) => x.trim()).filter(Boolean) })}
          width={600}
        >
          <InfoItemsFields />
        </ActionModal>
      )}
      {s === 'in_progress' && (
        <ActionModal<PlanValues>
          requestId={request.id}
          action="plan"
          buttonLabel={t('case.plan')}
          title={t('case.plan')}
          toBody={planBody}
          width={680}
        >
          <PlanFields />
        </ActionModal>
      )}
      {s === 'in_progress' && (
        <ActionModal<{ resolution: string }>
          requestId={request.id}
          action="resolve"
          buttonLabel={t('case.resolve')}
          title={t('case.resolve')}
          buttonProps={{ type: 'primary' }}
          toBody={(v) => ({ resolution: v.resolution.trim() })}
        >
          <TextField name="resolution" label={t('fields.resolution')} />
        </ActionModal>
      )}
      {(s === 'assigned' || working || (s === 'submitted' && manager)) && (
        <ActionModal<TransferValues>
          requestId={request.id}
          action="transfer"
          buttonLabel={s === 'submitted' ? t('case.assign') : t('case.transfer')}
          title={s === 'submitted' ? t('case.assign') : t('case.transfer')}
          toBody={transferBody}
          initialValues={s === 'submitted' ? { reason: t('dashboard.defaultAssignReason') } : undefined}
        >
          <TransferFields />
        </ActionModal>
      )}
      {s === 'under_review' && manager && (
        <ActionModal<{ outcome: 'rework' | 'upheld'; note: string }>
          requestId={request.id}
          action="review"
          buttonLabel={t('case.review')}
          title={t('case.review')}
          buttonProps={{ type: 'primary' }}
          toBody={(v) => ({ outcome: v.outcome, note: v.note.trim() })}
        >
          {badRating && eventText(badRating) && (
            <Alert
              type="warning"
              title={t('dashboard.badComment')}
              description={eventText(badRating)}
              style={{ marginBottom: 12 }}
            />
          )}
          <ReviewFields />
        </ActionModal>
      )}
      {(s === 'closed' || s === 'resolved') && manager && (
        <Button loading={reopen.isPending} onClick={() => reopen.mutate(undefined, { onError: notifyError })}>
          {t('case.reopen')}
        </Button>
      )}
    </Space>
  );
}

export function ReviewFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="outcome"
        label={t('fields.outcome')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Radio.Group
          options={[
            { value: 'rework', label: t('case.rework') },
            { value: 'upheld', label: t('case.upheld') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('fields.note')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </>
  );
}
