import { Module } from '@nestjs/common';
import { AssignmentReconciler } from './assignment.reconciler';
import { RoutingHandlers } from './routing.handlers';
import { FilingRouter } from './filing-router.service';
import { RoutingService } from './routing.service';

@Module({
  providers: [RoutingService, FilingRouter, RoutingHandlers, AssignmentReconciler],
  exports: [RoutingService],
})
export class RoutingModule {}
