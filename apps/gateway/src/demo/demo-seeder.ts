import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CodedError, PING_PATTERNS, SERVICES, type CompanyView, type CreateUserInput, type UserView } from '@qifu/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RpcClientService } from '../rpc/rpc-client.service';

export const DEMO_PASSWORD = 'demo12345';
export const DEMO_LOGINS = ['supervisor1', 'officer1', 'officer2', 'company1'] as const;
const DEMO_CREDIT_CODE = '91350100M000100Y43';

/**
 * SEED_DEMO=true: a demo zone for a first look (one department, a supervisor, two officers, a
 * textile company with its liaison officer and a company login). Idempotent, so every start and
 * every gateway replica may run it.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoSeeder');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClientService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.SEED_DEMO) return;
    void this.seedWhenReady().catch((err: unknown) => this.log.error(`demo data not seeded: ${(err as Error).message}`));
  }

  private async seedWhenReady(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await Promise.all(SERVICES.map((s) => this.rpc.call(PING_PATTERNS[s], {}, 2_000)));
        break;
      } catch (err) {
        if (attempt >= 60) throw err;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
    await this.seed();
    this.log.log(`demo data ready: logins ${DEMO_LOGINS.join(', ')} with password ${DEMO_PASSWORD}`);
  }

  async seed(): Promise<void> {
    const departments = await this.rpc.call('departments.list', { page: 1, pageSize: 100 });
    const dept =
      departments.items.find((d) => d.code === 'DEMO-ENT') ??
      (await this.rpc.call('departments.create', { input: { name: '企业服务科 Enterprise Services', code: 'DEMO-ENT' } }));
    const supervisor = await this.user({
      username: 'supervisor1',
      displayName: '王主任 Director Wang',
      role: 'supervisor',
      departmentId: dept.id,
    });
    const officer1 = await this.user({
      username: 'officer1',
      displayName: '李帮办 Officer Li',
      role: 'officer',
      departmentId: dept.id,
      supervisorId: supervisor.id,
      categories: ['hiring', 'financing', 'policy'],
      capacity: 20,
    });
    await this.user({
      username: 'officer2',
      displayName: '张帮办 Officer Zhang',
      role: 'officer',
      departmentId: dept.id,
      supervisorId: supervisor.id,
      categories: ['safety_hazard', 'approval', 'other', 'policy'],
      capacity: 20,
    });
    const company = await this.company(officer1.id);
    await this.user({ username: 'company1', displayName: '恒丰纺织 陈经理 Manager Chen', role: 'company', companyId: company.id });
  }

  private async user(input: Omit<CreateUserInput, 'password'>): Promise<UserView> {
    try {
      return await this.rpc.call('users.create', { input: { ...input, password: DEMO_PASSWORD } });
    } catch (err) {
      if (!(err instanceof CodedError && err.code === 'CONFLICT')) throw err;
      const all = await this.rpc.call('users.list', { page: 1, pageSize: 100, role: input.role });
      const found = all.items.find((u) => u.username === input.username);
      if (!found) throw err;
      return found;
    }
  }

  private async company(liaisonOfficerId: string): Promise<CompanyView> {
    try {
      return await this.rpc.call('companies.create', {
        input: {
          name: '苏州恒丰纺织有限公司 Hengfeng Textiles',
          creditCode: DEMO_CREDIT_CODE,
          address: '苏州工业园区星湖街 1 号',
          contactName: '陈经理',
          contactPhone: '0512-6666 8888',
          liaisonOfficerId,
        },
      });
    } catch (err) {
      if (!(err instanceof CodedError && err.code === 'CONFLICT')) throw err;
      const all = await this.rpc.call('companies.list', { page: 1, pageSize: 100 });
      const found = all.items.find((c) => c.creditCode === DEMO_CREDIT_CODE);
      if (!found) throw err;
      return found;
    }
  }
}
