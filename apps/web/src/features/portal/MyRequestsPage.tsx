import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { STATUSES } from '../../api/types';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useNow } from '../../shared/use-now';
import { RequestsTable } from '../requests/RequestsTable';
import { useRequests, type RequestFilters } from '../requests/requests-api';

export default function MyRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const [filters, setFilters] = useState<RequestFilters>({ page: 1, pageSize: 20 });
  const list = useRequests(filters);
  return (
    <Card
      title={t('list.myTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/portal/new')}>
          {t('list.newButton')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label={t('fields.status')}
          placeholder={t('fields.status')}
          style={{ width: 180 }}
          value={filters.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(status?: string) => setFilters((f) => ({ ...f, status, page: 1 }))}
        />
        <Input.Search
          allowClear
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          style={{ width: 240 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined, page: 1 }))}
        />
      </Space>
      {list.error && <ApiErrorAlert error={list.error} style={{ marginBottom: 16 }} />}
      <RequestsTable
        data={list.data}
        loading={list.isLoading}
        now={now}
        linkTo={(r) => `/portal/requests/${r.id}`}
        page={filters.page}
        pageSize={filters.pageSize}
        onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
      />
    </Card>
  );
}
