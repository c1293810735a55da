import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { DepartmentsService } from './departments.service';
import { UsersService } from './users.service';

@Controller()
export class DirectoryController {
  constructor(
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
  ) {}

  @MessagePattern('auth.verify-credentials')
  verify(@Payload() p: RpcRequest<'auth.verify-credentials'>): Promise<RpcResponse<'auth.verify-credentials'>> {
    return this.users.verifyCredentials(p.username, p.password);
  }

  @MessagePattern('users.get')
  getUser(@Payload() p: RpcRequest<'users.get'>): Promise<RpcResponse<'users.get'>> {
    return this.users.get(p.id);
  }

  @MessagePattern('users.create')
  createUser(@Payload() p: RpcRequest<'users.create'>): Promise<RpcResponse<'users.create'>> {
    return this.users.create(p.input);
  }

  @MessagePattern('users.update')
  updateUser(@Payload() p: RpcRequest<'users.update'>): Promise<RpcResponse<'users.update'>> {
    return this.users.update(p.id, p.patch);
  }

  @MessagePattern('users.list')
  listUsers(@Payload() p: RpcRequest<'users.list'>): Promise<RpcResponse<'users.list'>> {
    return this.users.list(p);
  }

  @MessagePattern('departments.create')
  createDepartment(@Payload() p: RpcRequest<'departments.create'>): Promise<RpcResponse<'departments.create'>> {
    return this.departments.create(p.input);
  }

  @MessagePattern('departments.get')
  getDepartment(@Payload() p: RpcRequest<'departments.get'>): Promise<RpcResponse<'departments.get'>> {
    return this.departments.get(p.id);
  }

  @MessagePattern('departments.list')
  listDepartments(@Payload() p: RpcRequest<'departments.list'>): Promise<RpcResponse<'departments.list'>> {
    return this.departments.list(p);
  }
}
