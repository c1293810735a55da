import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CodedError, type OfficerWorkloadView, type UserView, type WorkloadCounts } from '@qifu/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';

/**
 * Workload: open cases, breached and due-soon cases and the oldest open case per officer, beside
 * capacity and availability. An officer sees their own; a supervisor their department's; admin all.
 * Anything else is a 404, as for requests.
 */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class WorkloadController {
  constructor(private readonly rpc: RpcClientService) {}

  @Roles('officer', 'supervisor', 'admin')
  @Get('officers/:id/workload')
  async officer(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<OfficerWorkloadView> {
    const user = await this.rpc.call('users.get', { id }).catch((err: unknown) => {
      throw err instanceof CodedError && err.code === 'NOT_FOUND' ? notFound(id) : err;
    });
    const visible =
      user.role === 'officer' &&
      (actor.role === 'admin' ||
        (actor.role === 'officer' && actor.userId === id) ||
        (actor.role === 'supervisor' &&
          (user.supervisorId === actor.userId || (!!actor.departmentId && user.departmentId === actor.departmentId))));
    if (!visible) throw notFound(id);
    const [counts] = await this.rpc.call('reports.workload', { officerIds: [id] });
    return view(user, counts!);
  }

  @Roles('supervisor', 'admin')
  @Get('departments/:id/workload')
  async department(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<OfficerWorkloadView[]> {
    if (actor.role === 'supervisor' && actor.departmentId !== id) throw new CodedError('NOT_FOUND', `department ${id} not found`);
    await this.rpc.call('departments.get', { id });
    const officers: UserView[] = [];
    for (let page = 1; ; page++) {
      const res = await this.rpc.call('users.list', { role: 'officer', departmentId: id, page, pageSize: 100 });
      officers.push(...res.items);
      if (officers.length >= res.total || res.items.length === 0) break;
    }
    const counts = await this.rpc.call('reports.workload', { officerIds: officers.map((o) => o.id) });
    return officers.map((o, i) => view(o, counts[i]!));
  }
}

function notFound(id: string): CodedError {
  return new CodedError('NOT_FOUND', `officer ${id} not found`);
}

function view(user: UserView, counts: WorkloadCounts): OfficerWorkloadView {
  return { ...counts, displayName: user.displayName, departmentId: user.departmentId, capacity: user.capacity, available: user.available };
}
