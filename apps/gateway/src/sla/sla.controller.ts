import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CodedError, type SlaPolicyView } from '@qifu/contracts';
import { Roles } from '../auth/auth.decorators';
import { RpcClientService } from '../rpc/rpc-client.service';
import { PutPolicyDto } from './sla.dto';

@ApiTags('sla')
@ApiBearerAuth()
@Controller()
export class SlaController {
  constructor(private readonly rpc: RpcClientService) {}

  @Roles('admin', 'supervisor')
  @Get('sla/policies')
  policies(): Promise<SlaPolicyView[]> {
    return this.rpc.call('sla.policies.list', {});
  }

  @Roles('admin')
  @Put('sla/policies/:name')
  putPolicy(@Param('name') name: string, @Body() body: PutPolicyDto): Promise<SlaPolicyView> {
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) {
      throw new CodedError('VALIDATION_FAILED', 'name: 1-64 lower-case letters, digits, "-" or "_", e.g. urgent-hazards', [
        { field: 'name', message: 'invalid policy name' },
      ]);
    }
    return this.rpc.call('sla.policies.put', { input: { ...body, name } });
  }
}
