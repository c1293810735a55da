import { Module } from '@nestjs/common';
import { AssignmentReconciler } from './assignment.reconciler';
import { RoutingHandlers } from './routing.handlers';
import { RoutingService } from './routing.service';

@Module({
  providers: [RoutingService, RoutingHandlers, AssignmentReconciler],
  exports: [RoutingService],
})
export class RoutingModule {}
