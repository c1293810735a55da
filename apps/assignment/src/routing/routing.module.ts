import { Module } from '@nestjs/common';
import { RoutingHandlers } from './routing.handlers';
import { RoutingService } from './routing.service';

@Module({
  providers: [RoutingService, RoutingHandlers],
  exports: [RoutingService],
})
export class RoutingModule {}
