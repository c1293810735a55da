import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { DepartmentsService } from './departments.service';
import { DirectoryController } from './directory.controller';
import { FirstAdminSeeder } from './first-admin.seeder';
import { UsersService } from './users.service';

@Module({
  imports: [RoutingModule],
  controllers: [DirectoryController],
  providers: [UsersService, DepartmentsService, FirstAdminSeeder],
})
export class DirectoryModule {}
