import { Card, Empty, Grid, Pagination, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Paged, ServiceRequest } from '../../api/types';
import { slaColour, slaDisplayState } from '../../shared/sla';
import { formatDateTime } from '../../shared/time';
import { CompanyName } from '../org/CompanyName';
import { CategoryTag, PriorityTag, SlaTag, StatusTag } from './RequestTags';

const TITLE_MIN = 220;

interface Props {
  data: Paged<ServiceRequest> | undefined;
  rows?: ServiceRequest[];
  loading: boolean;
  now: Date;
  linkTo: (r: ServiceRequest) => string;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
  showAssignee?: boolean;
  showCompany?: boolean;
  /** Tint each row by its SLA state (officer queue). */
  tintRows?: boolean;
  extraColumns?: NonNullable<TableProps<ServiceRequest>['columns']>;
}

/** Requests as a table on wide screens and as a list of cards on a phone. */
export function RequestsTable(p: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const rows = p.rows ?? p.data?.items ?? [];
  const pagination =
    p.onPage && p.data
      ? {
          current: p.page ?? p.data.page,
          pageSize: p.pageSize ?? p.data.pageSize,
          total: p.data.total,
          showTotal: (n: number) => t('common.total', { count: n }),
          onChange: p.onPage,
        }
      : false;
  if (!screens.md) {
    if (p.loading) return <Skeleton active />;
    if (rows.length === 0) return <Empty description={t('common.empty')} />;
    return (
      <>
        <ul className="request-cards">
          {rows.map((r) => (
            <li key={r.id}>
              <Card size="small" className={p.tintRows ? slaColour(slaDisplayState(r, p.now)).row : undefined}>
                <Link to={p.linkTo(r)}>
                  <Typography.Text strong>{`${r.referenceNo} · ${r.title}`}</Typography.Text>
                </Link>
                <Space wrap size={4} style={{ marginTop: 6, display: 'flex' }}>
                  <StatusTag status={r.status} />
                  <CategoryTag category={r.category} />
                  <SlaTag request={r} now={p.now} />
                </Space>
              </Card>
            </li>
          ))}
        </ul>
        {pagination && (
          <Pagination {...pagination} size="small" simple style={{ marginTop: 12, textAlign: 'center' }} />
        )}
      </>
    );
  }
  const columns: NonNullable<TableProps<ServiceRequest>['columns']> = [
    {
      title: t('fields.referenceNo'),
      dataIndex: 'referenceNo',
      width: 150,
      render: (_v, r) => <Link to={p.linkTo(r)}>{r.referenceNo}</Link>,
    },
    {
      title: t('fields.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_v, r) => (
        <Link to={p.linkTo(r)}>
          <Typography.Text>{r.title}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('fields.category'),
      dataIndex: 'category',
      width: 110,
      render: (_v, r) => <CategoryTag category={r.category} />,
    },
    {
      title: t('fields.priority'),
      dataIndex: 'priority',
      width: 90,
      render: (_v, r) => <PriorityTag priority={r.priority} />,
    },
    { title: t('fields.status'), dataIndex: 'status', width: 130, render: (_v, r) => <StatusTag status={r.status} /> },
    { title: t('fields.deadline'), key: 'sla', width: 220, render: (_v, r) => <SlaTag request={r} now={p.now} /> },
  ];
  if (p.showCompany)
    columns.splice(2, 0, {
      title: t('fields.company'),
      key: 'company',
      width: 160,
      ellipsis: true,
      render: (_v, r) => <CompanyName id={r.companyId} name={r.companyName} />,
    });
  if (p.showAssignee)
    columns.push({
      title: t('fields.assignee'),
      key: 'assignee',
      width: 110,
      render: (_v, r) => r.assignee?.displayName ?? '—',
    });
  columns.push({
    title: t('fields.createdAt'),
    dataIndex: 'createdAt',
    width: 150,
    render: (_v, r) => formatDateTime(r.createdAt),
  });
  if (p.extraColumns) columns.push(...p.extraColumns);
  // The title takes what the fixed-width columns leave, but never less than TITLE_MIN (the table scrolls instead).
  const fixedWidth = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  return (
    <Table<ServiceRequest>
      rowKey="id"
      size="middle"
      loading={p.loading}
      dataSource={rows}
      columns={columns}
      pagination={pagination}
      scroll={{ x: Math.max(900, fixedWidth + TITLE_MIN) }}
      rowClassName={p.tintRows ? (r) => slaColour(slaDisplayState(r, p.now)).row : undefined}
    />
  );
}
