import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CodedError } from '@qifu/contracts';
import { DataSource } from 'typeorm';
import { ASSIGNMENT_CONFIG } from '../config/assignment.tokens';
import type { AssignmentConfig } from '../config/assignment.config';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD if no such user exists yet. */
@Injectable()
export class FirstAdminSeeder implements OnApplicationBootstrap {
  private readonly log = new Logger('FirstAdmin');

  constructor(
    @Inject(ASSIGNMENT_CONFIG) private readonly config: AssignmentConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const username = this.config.ADMIN_USERNAME;
    if (await this.dataSource.manager.exists(User, { where: { username } })) return;
    try {
      await this.users.create({ username, password: this.config.ADMIN_PASSWORD, displayName: 'Administrator', role: 'admin' });
      this.log.log(`first admin "${username}" created`);
    } catch (err) {
      // Another replica created it at the same moment.
      if (!(err instanceof CodedError && err.code === 'CONFLICT')) throw err;
    }
  }
}
