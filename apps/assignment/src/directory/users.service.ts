import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CodedError, type CreateUserInput, type Page, type Role, type UpdateUserInput, type UserView } from '@qifu/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@qifu/database';
import * as bcrypt from 'bcryptjs';
import { DataSource, type EntityManager } from 'typeorm';
import { RoutingService } from '../routing/routing.service';
import { Department } from './department.entity';
import { userProblems } from './domain/user-rules';
import { toUserView } from './user.mapper';
import { User } from './user.entity';

const BCRYPT_COST = 10;
/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
const DUMMY_HASH = bcrypt.hashSync('qifu-no-such-user', BCRYPT_COST);

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routing: RoutingService,
  ) {}

  async verifyCredentials(username: string, password: string): Promise<UserView> {
    const user = await this.dataSource.manager.findOne(User, { where: { username } });
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new CodedError('INVALID_CREDENTIALS', 'wrong username or password');
    return toUserView(user);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.manager.findOne(User, { where: { id } });
    if (!user) throw new CodedError('NOT_FOUND', `user ${id} not found`);
    return toUserView(user);
  }

  async list(q: { page: number; pageSize: number; role?: Role; departmentId?: string }): Promise<Page<UserView>> {
    const where = { ...(q.role ? { role: q.role } : {}), ...(q.departmentId ? { departmentId: q.departmentId } : {}) };
    const [rows, total] = await this.dataSource.manager.findAndCount(User, {
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toUserView), total, page: q.page, pageSize: q.pageSize };
  }

  async create(input: CreateUserInput): Promise<UserView> {
    const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
    try {
      return await this.dataSource.transaction(async (m) => {
        await this.check(m, input);
        const user = m.create(User, {
          id: randomUUID(),
          username: input.username,
          passwordHash,
          displayName: input.displayName,
          role: input.role,
          departmentId: input.departmentId ?? null,
          companyId: input.companyId ?? null,
          supervisorId: input.supervisorId ?? null,
          categories: input.categories ?? [],
          capacity: input.capacity ?? 20,
          available: true,
          openCount: 0,
          lastAssignedAt: null,
        });
        await m.insert(User, user);
        // A new officer may be exactly who the waiting requests need.
        if (user.role === 'officer') await this.routing.drainFor(m, user.id);
        return toUserView(await m.findOneByOrFail(User, { id: user.id }));
      });
    } catch (err) {
      if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
        throw new CodedError('CONFLICT', `username "${input.username}" is taken`, [{ field: 'username', message: 'username is taken' }]);
      }
      throw err;
    }
  }

  async update(id: string, patch: UpdateUserInput): Promise<UserView> {
    const passwordHash = patch.password ? await bcrypt.hash(patch.password, BCRYPT_COST) : undefined;
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new CodedError('NOT_FOUND', `user ${id} not found`);
      await this.check(m, {
        role: user.role,
        departmentId: patch.departmentId ?? undefined,
        supervisorId: patch.supervisorId ?? undefined,
      });
      const changes: Partial<User> = {};
      if (patch.displayName !== undefined) changes.displayName = patch.displayName;
      if (passwordHash) changes.passwordHash = passwordHash;
      if (patch.departmentId !== undefined) changes.departmentId = patch.departmentId;
      if (patch.supervisorId !== undefined) changes.supervisorId = patch.supervisorId;
      if (patch.categories !== undefined) changes.categories = patch.categories;
      if (patch.capacity !== undefined) changes.capacity = patch.capacity;
      if (patch.available !== undefined) changes.available = patch.available;
      if (Object.keys(changes).length > 0) await m.update(User, { id }, changes);
      if (user.role === 'officer' && user.available && patch.available === false) await this.routing.releaseUnaccepted(m, id);
      if (user.role === 'officer') await this.routing.drainFor(m, id);
      return toUserView(await m.findOneByOrFail(User, { id }));
    });
  }

  private async check(
    m: EntityManager,
    input: Pick<CreateUserInput, 'role' | 'companyId' | 'departmentId' | 'supervisorId'>,
  ): Promise<void> {
    const departmentExists = input.departmentId ? await m.exists(Department, { where: { id: input.departmentId } }) : null;
    const supervisor = input.supervisorId
      ? await m.findOne(User, { where: { id: input.supervisorId }, select: { role: true } })
      : undefined;
    const problems = userProblems(input, { departmentExists, supervisor });
    if (problems.length > 0) throw new CodedError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
  }
}
