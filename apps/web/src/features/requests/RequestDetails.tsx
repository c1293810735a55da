import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FinancingDetails, HiringDetails, SafetyHazardDetails, ServiceRequest } from '../../api/types';
import { formatDate, formatDateTime } from '../../shared/time';
import { CompanyName } from '../org/CompanyName';
import { CategoryTag, PriorityTag, SlaTag, StatusTag } from './RequestTags';

type Items = NonNullable<DescriptionsProps['items']>;

export function categoryDetailItems(request: ServiceRequest, t: TFunction): Items {
  switch (request.category) {
    case 'hiring': {
      const d = request.details as HiringDetails;
      const items: Items = [
        {
          key: 'positions',
          label: t('fields.positions'),
          span: 'filled',
          children: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {d.positions.map((p, i) => (
                <li key={i}>
                  {p.title} × {p.headcount}
                </li>
              ))}
            </ul>
          ),
        },
      ];
      if (d.neededBy) items.push({ key: 'neededBy', label: t('fields.neededBy'), children: formatDate(d.neededBy) });
      return items;
    }
    case 'financing': {
      const d = request.details as FinancingDetails;
      const items: Items = [
        {
          key: 'amountCny',
          label: t('fields.amountCny'),
          children: `¥ ${Number(d.amountCny).toLocaleString('zh-CN')}`,
        },
        { key: 'purpose', label: t('fields.purpose'), children: d.purpose },
      ];
      if (d.termMonths !== undefined)
        items.push({ key: 'termMonths', label: t('fields.termMonths'), children: d.termMonths });
      return items;
    }
    case 'safety_hazard': {
      const d = request.details as SafetyHazardDetails;
      return [
        { key: 'location', label: t('fields.location'), children: d.location },
        { key: 'hazardType', label: t('fields.hazardType'), children: t(`hazardType.${d.hazardType}`) },
        {
          key: 'severity',
          label: t('fields.severity'),
          children: (
            <Tag color={d.severity === 'critical' || d.severity === 'high' ? 'red' : 'default'}>
              {t(`severity.${d.severity}`)}
            </Tag>
          ),
        },
        {
          key: 'immediateDanger',
          label: t('fields.immediateDanger'),
          children: d.immediateDanger ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no'),
        },
      ];
    }
    case 'policy':
    case 'approval':
    case 'other':
      return [];
  }
}

/** The case at a glance: reference, status, SLA, category fields, description. */
export function RequestSummary({
  request,
  now,
  showCompany,
}: {
  request: ServiceRequest;
  now: Date;
  showCompany?: boolean;
}) {
  const { t } = useTranslation();
  const items: Items = [
    { key: 'status', label: t('fields.status'), children: <StatusTag status={request.status} /> },
    { key: 'sla', label: t('fields.deadline'), children: <SlaTag request={request} now={now} /> },
    { key: 'category', label: t('fields.category'), children: <CategoryTag category={request.category} /> },
    { key: 'priority', label: t('fields.priority'), children: <PriorityTag priority={request.priority} /> },
  ];
  if (showCompany)
    items.push({
      key: 'company',
      label: t('fields.company'),
      children: (
        <CompanyName id={request.companyId} name={request.companyName} fallback={request.companyId ?? undefined} />
      ),
    });
  items.push(
    { key: 'assignee', label: t('fields.assignee'), children: request.assignee?.displayName ?? '—' },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(request.createdAt) },
  );
  if (request.sla?.responseDueAt)
    items.push({
      key: 'responseDue',
      label: t('sla.responseDue'),
      children: formatDateTime(request.sla.responseDueAt),
    });
  if (request.sla?.resolutionDueAt)
    items.push({
      key: 'resolutionDue',
      label: t('sla.resolutionDue'),
      children: formatDateTime(request.sla.resolutionDueAt),
    });
  items.push(...categoryDetailItems(request, t), {
    key: 'description',
    label: t('fields.description'),
    span: 'filled',
    children: (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {request.description}
      </Typography.Paragraph>
    ),
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      title={`${request.referenceNo} · ${request.title}`}
      items={items}
    />
  );
}
