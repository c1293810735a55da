import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CodedError, type FieldProblem, type RequestView } from '@qifu/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';
import { PlanDto, ProvideInfoDto, ReasonDto, RequestInfoDto, ReviewDto, TransferDto } from './request-actions.dto';

/** The moves beyond accept/resolve/rate (API.md "Requests"): info, transfer, review, escalate, cancel, reopen. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestLifecycleController {
  constructor(private readonly rpc: RpcClientService) {}

  @Roles('officer', 'supervisor', 'admin')
  @Post(':id/request-info')
  @HttpCode(200)
  requestInfo(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: RequestInfoDto): Promise<RequestView> {
    return this.rpc.call('requests.request-info', { actor, requestId: id, items: body.items });
  }

  @Roles('company')
  @Post(':id/provide-info')
  @HttpCode(200)
  provideInfo(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: ProvideInfoDto): Promise<RequestView> {
    return this.rpc.call('requests.provide-info', { actor, requestId: id, message: body.message });
  }

  @Roles('officer', 'supervisor', 'admin')
  @Post(':id/transfer')
  @HttpCode(200)
  async transfer(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: TransferDto): Promise<RequestView> {
    if ((body.toDepartmentId === undefined) === (body.toOfficerId === undefined)) {
      throw new CodedError('VALIDATION_FAILED', 'give exactly one of toDepartmentId and toOfficerId', [
        { field: 'toDepartmentId', message: 'give exactly one of toDepartmentId and toOfficerId' },
      ]);
    }
    if (body.toOfficerId) await this.checkOfficer(body.toOfficerId);
    if (body.toDepartmentId) await this.checkDepartment(body.toDepartmentId);
    return this.rpc.call('requests.transfer', {
      actor,
      requestId: id,
      reason: body.reason,
      ...(body.toDepartmentId ? { toDepartmentId: body.toDepartmentId } : {}),
      ...(body.toOfficerId ? { toOfficerId: body.toOfficerId } : {}),
    });
  }

  @Roles('officer', 'supervisor', 'admin')
  @Post(':id/plan')
  @HttpCode(200)
  plan(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: PlanDto): Promise<RequestView> {
    const problems: FieldProblem[] = [];
    let previous = Date.now();
    const titles = new Set<string>();
    body.milestones.forEach((ms, i) => {
      if (titles.has(ms.title)) problems.push({ field: `milestones.${i}.title`, message: 'is used by an earlier milestone' });
      titles.add(ms.title);
      const due = new Date(ms.dueAt).getTime();
      if (due <= previous) {
        problems.push({
          field: `milestones.${i}.dueAt`,
          message: i === 0 ? 'must be in the future' : 'must be after the previous milestone',
        });
      }
      previous = Math.max(previous, due);
    });
    if (problems.length > 0) {
      throw new CodedError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
    }
    const milestones = body.milestones.map((ms) => ({ title: ms.title, dueAt: new Date(ms.dueAt).toISOString() }));
    return this.rpc.call('requests.plan', { actor, requestId: id, milestones, reason: body.reason });
  }

  @Roles('supervisor', 'admin')
  @Post(':id/review')
  @HttpCode(200)
  review(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: ReviewDto): Promise<RequestView> {
    return this.rpc.call('requests.review', { actor, requestId: id, outcome: body.outcome, note: body.note });
  }

  @Roles('company')
  @Post(':id/escalate')
  @HttpCode(200)
  escalate(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: ReasonDto): Promise<RequestView> {
    return this.rpc.call('requests.escalate', { actor, requestId: id, reason: body.reason });
  }

  @Roles('company', 'admin')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: ReasonDto): Promise<RequestView> {
    return this.rpc.call('requests.cancel', { actor, requestId: id, reason: body.reason });
  }

  @Roles('company', 'supervisor', 'admin')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: ReasonDto): Promise<RequestView> {
    return this.rpc.call('requests.reopen', { actor, requestId: id, reason: body.reason });
  }

  /** A transfer target that does not exist is the caller's mistake: a 400 naming the field, not a 404. */
  private async checkDepartment(id: string): Promise<void> {
    const dept = await this.rpc.call('departments.get', { id }).catch(notFoundAsNull);
    if (!dept) throw invalidTarget('toDepartmentId', 'no department with this id');
  }

  private async checkOfficer(id: string): Promise<void> {
    const user = await this.rpc.call('users.get', { id }).catch(notFoundAsNull);
    if (user?.role !== 'officer') throw invalidTarget('toOfficerId', 'no officer with this id');
  }
}

function notFoundAsNull(err: unknown): null {
  if (err instanceof CodedError && err.code === 'NOT_FOUND') return null;
  throw err;
}

function invalidTarget(field: string, message: string): CodedError {
  return new CodedError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
}
