import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CodedError, type CompanyView, type DepartmentView, type Page, type UserView } from '@qifu/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PaginationDto } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';
import { CreateCompanyDto, CreateDepartmentDto, CreateUserDto, ListUsersDto, UpdateCompanyDto, UpdateUserDto } from './organisation.dto';

/** Departments, users and companies (API.md "Organisation"). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly rpc: RpcClientService) {}

  @Roles('admin')
  @Post('departments')
  createDepartment(@Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    return this.rpc.call('departments.create', { input: body });
  }

  @Roles('admin', 'supervisor')
  @Get('departments')
  listDepartments(@Query() q: PaginationDto): Promise<Page<DepartmentView>> {
    return this.rpc.call('departments.list', { page: q.page, pageSize: q.pageSize });
  }

  @Roles('admin')
  @Post('users')
  async createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserView> {
    if (body.companyId) await this.mustExist('companyId', () => this.rpc.call('companies.get', { actor, id: body.companyId! }));
    return this.rpc.call('users.create', { input: body });
  }

  @Roles('admin', 'supervisor')
  @Get('users')
  listUsers(@Query() q: ListUsersDto): Promise<Page<UserView>> {
    return this.rpc.call('users.list', q);
  }

  @Roles('admin', 'supervisor')
  @Get('users/:id')
  getUser(@Param('id', UuidParam) id: string): Promise<UserView> {
    return this.rpc.call('users.get', { id });
  }

  @Roles('admin')
  @Patch('users/:id')
  updateUser(@Param('id', UuidParam) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.rpc.call('users.update', { id, patch: body });
  }

  @Roles('admin')
  @Post('companies')
  async createCompany(@Body() body: CreateCompanyDto): Promise<CompanyView> {
    if (body.liaisonOfficerId) await this.mustBeOfficer(body.liaisonOfficerId);
    return this.rpc.call('companies.create', { input: body });
  }

  @Roles('admin', 'supervisor')
  @Get('companies')
  listCompanies(@Query() q: PaginationDto): Promise<Page<CompanyView>> {
    return this.rpc.call('companies.list', { page: q.page, pageSize: q.pageSize });
  }

  @Get('companies/:id')
  getCompany(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CompanyView> {
    return this.rpc.call('companies.get', { actor, id });
  }

  @Roles('admin')
  @Patch('companies/:id')
  async updateCompany(@Param('id', UuidParam) id: string, @Body() body: UpdateCompanyDto): Promise<CompanyView> {
    if (body.liaisonOfficerId) await this.mustBeOfficer(body.liaisonOfficerId);
    return this.rpc.call('companies.update', { id, patch: body });
  }

  private async mustBeOfficer(id: string): Promise<void> {
    const user = await this.mustExist('liaisonOfficerId', () => this.rpc.call('users.get', { id }));
    if (user.role !== 'officer') {
      throw new CodedError('VALIDATION_FAILED', 'liaisonOfficerId must name an officer', [
        { field: 'liaisonOfficerId', message: 'liaisonOfficerId must name an officer' },
      ]);
    }
  }

  /** A reference to something another service owns: unknown is a 400 naming the field, not a 404 of this route. */
  private async mustExist<T>(field: string, load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } catch (err) {
      if (err instanceof CodedError && err.code === 'NOT_FOUND') {
        throw new CodedError('VALIDATION_FAILED', `${field} does not exist`, [{ field, message: `${field} does not exist` }]);
      }
      throw err;
    }
  }
}
