import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CodedError, type CreateDepartmentInput, type DepartmentView, type Page } from '@qifu/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@qifu/database';
import { DataSource } from 'typeorm';
import { Department } from './department.entity';
import { toDepartmentView } from './user.mapper';

@Injectable()
export class DepartmentsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreateDepartmentInput): Promise<DepartmentView> {
    const dept = this.dataSource.manager.create(Department, { id: randomUUID(), name: input.name, code: input.code });
    try {
      await this.dataSource.manager.insert(Department, dept);
    } catch (err) {
      if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
        throw new CodedError('CONFLICT', `department code "${input.code}" is taken`, [{ field: 'code', message: 'code is taken' }]);
      }
      throw err;
    }
    return toDepartmentView(await this.dataSource.manager.findOneByOrFail(Department, { id: dept.id }));
  }

  async get(id: string): Promise<DepartmentView> {
    const dept = await this.dataSource.manager.findOne(Department, { where: { id } });
    if (!dept) throw new CodedError('NOT_FOUND', `department ${id} not found`);
    return toDepartmentView(dept);
  }

  async list(q: { page: number; pageSize: number }): Promise<Page<DepartmentView>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Department, {
      order: { code: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toDepartmentView), total, page: q.page, pageSize: q.pageSize };
  }
}
