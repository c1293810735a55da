import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../api/types';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { useNotifyError } from '../../../shared/errors/use-notify-error';
import { useUsers } from '../../org/org-api';
import { FormModal } from '../FormModal';
import { compact, useAdminWrite } from '../admin-api';
import { UserFields, type UserForm } from './UserFields';

export default function UsersPage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [role, setRole] = useState<Role | undefined>();
  const list = useUsers(role);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const create = useAdminWrite<UserForm, User>('POST', () => '/users', [['org', 'users']], compact);
  const update = useAdminWrite<UserForm & { id: string }, User>(
    'PATCH',
    (b) => `/users/${b.id}`,
    [['org', 'users']],
    ({ id: _id, ...rest }) => rest,
  );
  const current = editing === 'new' ? null : editing;
  const write = editing === 'new' ? create : update;

  return (
    <Card
      title={t('admin.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (create.reset(), setEditing('new'))}>
          {t('admin.newUser')}
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('fields.role')}
          aria-label={t('fields.role')}
          style={{ width: 180 }}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
        />
      </Space>
      {list.error && <ApiErrorAlert error={list.error} />}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: 800 }}
        columns={[
          { title: t('fields.username'), dataIndex: 'username' },
          { title: t('fields.displayName'), dataIndex: 'displayName' },
          { title: t('fields.role'), dataIndex: 'role', render: (r: Role) => <Tag>{t(`auth.role.${r}`)}</Tag> },
          {
            title: t('fields.categories'),
            dataIndex: 'categories',
            render: (cs?: string[]) => (cs ?? []).map((c) => <Tag key={c}>{t(`category.${c}`)}</Tag>),
          },
          { title: t('fields.capacity'), dataIndex: 'capacity', width: 110 },
          {
            title: t('fields.available'),
            dataIndex: 'available',
            width: 90,
            render: (_v, u) =>
              u.role === 'officer' || u.role === 'supervisor' ? (
                <Switch
                  size="small"
                  checked={u.available !== false}
                  aria-label={`${t('fields.available')} ${u.displayName}`}
                  onChange={(available) => update.mutate({ id: u.id, available }, { onError: notifyError })}
                />
              ) : null,
          },
          {
            key: 'edit',
            width: 80,
            render: (_v, u) => (
              <Button size="small" onClick={() => (update.reset(), setEditing(u))}>
                {t('actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<UserForm>
        open={editing !== null}
        title={current ? `${t('actions.edit')} · ${current.displayName}` : t('admin.newUser')}
        initialValues={current ?? { role: 'officer', capacity: 20 }}
        onClose={() => setEditing(null)}
        onSubmit={(v) =>
          current
            ? update.mutateAsync({
                id: current.id,
                displayName: v.displayName,
                ...(v.departmentId !== undefined ? { departmentId: v.departmentId } : {}),
                ...(current.role === 'officer' || current.role === 'supervisor'
                  ? { categories: v.categories ?? [], capacity: v.capacity, available: v.available }
                  : {}),
              })
            : create.mutateAsync(v)
        }
        error={write.error}
        pending={write.isPending}
      >
        {(form) => <UserFields form={form} creating={!current} fixedRole={current?.role} />}
      </FormModal>
    </Card>
  );
}
