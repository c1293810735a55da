import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Company } from '../../../api/types';
import { normalizeCreditCode } from '../../../shared/credit-code';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { useNotifyError } from '../../../shared/errors/use-notify-error';
import { orgKeys, useCompanies, useUsers } from '../../org/org-api';
import { FormModal } from '../FormModal';
import { compact, useAdminWrite } from '../admin-api';
import { creditCodeRule } from './credit-code-rule';

type CompanyForm = Omit<Company, 'id'>;

export default function CompaniesPage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const list = useCompanies();
  const officers = useUsers('officer');
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const [lookedUp, setLookedUp] = useState<Company[]>([]);
  const create = useAdminWrite<CompanyForm, Company>('POST', () => '/companies', [orgKeys.companies], compact);
  const update = useAdminWrite<CompanyForm & { id: string }, Company>(
    'PATCH',
    (b) => `/companies/${b.id}`,
    [orgKeys.companies],
    ({ id: _id, ...rest }) => compact(rest),
  );
  const current = editing === 'new' ? null : editing;
  const write = current ? update : create;
  const officerName = (id?: string | null) => officers.data?.find((o) => o.id === id)?.displayName ?? id ?? '—';
  const rows = list.data?.available === false ? lookedUp : (list.data?.items ?? []);
  const req = [{ required: true, whitespace: true, message: t('validation.required') }];

  const lookup = async (id: string) => {
    if (!id.trim()) return;
    try {
      const c = await api<Company>(`/companies/${encodeURIComponent(id.trim())}`);
      setLookedUp((prev) => [c, ...prev.filter((x) => x.id !== c.id)]);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Card
      title={t('admin.companies')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (create.reset(), setEditing('new'))}>
          {t('admin.newCompany')}
        </Button>
      }
    >
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.data?.available === false && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Alert type="info" showIcon title={t('common.notAvailable', { what: 'GET /companies' })} />
          <Input.Search
            placeholder={t('admin.lookupCompany')}
            aria-label={t('admin.lookupCompany')}
            enterButton={t('actions.search')}
            onSearch={(v) => void lookup(v)}
            style={{ maxWidth: 420 }}
          />
        </Space>
      )}
      <Table<Company>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        scroll={{ x: 800 }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          { title: t('fields.creditCode'), dataIndex: 'creditCode', render: (v: string) => <code>{v}</code> },
          { title: t('fields.contactName'), dataIndex: 'contactName' },
          { title: t('fields.contactPhone'), dataIndex: 'contactPhone' },
          {
            title: t('fields.liaisonOfficerId'),
            dataIndex: 'liaisonOfficerId',
            render: (v?: string | null) => officerName(v),
          },
          {
            key: 'edit',
            width: 80,
            render: (_v, c) => (
              <Button size="small" onClick={() => (update.reset(), setEditing(c))}>
                {t('actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<CompanyForm>
        open={editing !== null}
        title={current ? `${t('actions.edit')} · ${current.name}` : t('admin.newCompany')}
        initialValues={current ?? undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { ...v, creditCode: normalizeCreditCode(v.creditCode) };
          const saved = current
            ? await update.mutateAsync({ ...body, id: current.id })
            : await create.mutateAsync(body);
          if (list.data?.available === false) setLookedUp((prev) => [saved, ...prev.filter((x) => x.id !== saved.id)]);
        }}
        error={write.error}
        pending={write.isPending}
      >
        <Form.Item name="name" label={t('fields.name')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('fields.creditCode')}
          extra={t('admin.creditCodeHelp')}
          normalize={(v: string | undefined) => normalizeCreditCode(v ?? '')}
          rules={[creditCodeRule(t)]}
          validateTrigger={['onChange', 'onBlur']}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="address" label={t('fields.address')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label={t('fields.contactName')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('fields.contactPhone')}
            rules={[{ pattern: /^[0-9+\-\s()]{5,20}$/, message: t('validation.phone') }]}
          >
            <Input inputMode="tel" />
          </Form.Item>
        </Space>
        <Form.Item name="liaisonOfficerId" label={t('fields.liaisonOfficerId')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(officers.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
