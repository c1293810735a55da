import type { DepartmentView, UserView } from '@qifu/contracts';
import type { Department } from './department.entity';
import type { User } from './user.entity';

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.departmentId,
    companyId: u.companyId,
    supervisorId: u.supervisorId,
    categories: u.categories,
    capacity: u.capacity,
    available: u.available,
    createdAt: u.createdAt.toISOString(),
  };
}

export function toDepartmentView(d: Department): DepartmentView {
  return { id: d.id, name: d.name, code: d.code, createdAt: d.createdAt.toISOString() };
}
