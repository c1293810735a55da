import { Form, Input, InputNumber, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, ROLES, type Role, type User } from '../../../api/types';
import { useCompanies, useDepartments, useUsers } from '../../org/org-api';

export type UserForm = Partial<User> & { password?: string };

/** The fields of a user; `creating` adds username, password and role. */
export function UserFields({
  form,
  creating,
  fixedRole,
}: {
  form: FormInstance<UserForm>;
  creating: boolean;
  fixedRole?: Role;
}) {
  const { t } = useTranslation();
  const watched = Form.useWatch('role', form);
  const role = fixedRole ?? watched;
  const departments = useDepartments();
  const companies = useCompanies();
  const supervisors = useUsers('supervisor');
  const req = [{ required: true, whitespace: true, message: t('validation.required') }];
  const staff = role === 'officer' || role === 'supervisor';
  return (
    <>
      {creating && (
        <>
          <Form.Item name="username" label={t('fields.username')} rules={req}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('fields.password')}
            rules={[...req, { min: 8, message: t('validation.minLength', { min: 8 }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('fields.role')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="displayName" label={t('fields.displayName')} rules={req}>
        <Input />
      </Form.Item>
      {role !== 'company' && (
        <Form.Item name="departmentId" label={t('fields.departmentId')}>
          {departments.data?.available === false ? (
            <Input placeholder="department id" />
          ) : (
            <Select allowClear options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          )}
        </Form.Item>
      )}
      {role === 'company' && creating && (
        <Form.Item
          name="companyId"
          label={t('fields.companyId')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          {companies.data?.available === false ? (
            <Input placeholder="company id" />
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
        </Form.Item>
      )}
      {role === 'officer' && (
        <Form.Item name="supervisorId" label={t('auth.role.supervisor')}>
          <Select allowClear options={(supervisors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
      )}
      {staff && (
        <>
          <Form.Item name="categories" label={t('fields.categories')}>
            <Select mode="multiple" options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item
            name="capacity"
            label={t('fields.capacity')}
            rules={[{ type: 'integer', min: 0, max: 1000, message: t('validation.range', { min: 0, max: 1000 }) }]}
          >
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
        </>
      )}
      {!creating && staff && (
        <Form.Item name="available" label={t('fields.available')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </>
  );
}
