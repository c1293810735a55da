import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../api/types';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { orgKeys, useDepartments } from '../../org/org-api';
import { FormModal } from '../FormModal';
import { useAdminWrite } from '../admin-api';

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const list = useDepartments();
  const [open, setOpen] = useState(false);
  const create = useAdminWrite<{ name: string; code: string }, Department>('POST', () => '/departments', [
    orgKeys.departments,
  ]);
  const req = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Card
      title={t('admin.departments')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('admin.newDepartment')}
        </Button>
      }
    >
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.data && !list.data.available && (
        <Alert
          type="info"
          showIcon
          title={t('common.notAvailable', { what: 'GET /departments' })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Department>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          { title: t('fields.code'), dataIndex: 'code' },
          { title: 'ID', dataIndex: 'id', render: (v: string) => <code>{v}</code> },
        ]}
      />
      <FormModal<{ name: string; code: string }>
        open={open}
        title={t('admin.newDepartment')}
        onClose={() => setOpen(false)}
        onSubmit={(v) => create.mutateAsync({ name: v.name.trim(), code: v.code.trim() })}
        error={create.error}
        pending={create.isPending}
      >
        <Form.Item name="name" label={t('fields.name')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('fields.code')} rules={req}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
