import { Module } from '@nestjs/common';
import { TimelineService } from '../timeline/timeline.service';
import { FileRequestService } from './file-request.service';
import { RequestActionsService } from './request-actions.service';
import { RequestEventsHandlers } from './request-events.handlers';
import { RequestQueriesService } from './request-queries.service';
import { ReferenceNumbers } from './reference-numbers';
import { RequestsController } from './requests.controller';

@Module({
  controllers: [RequestsController],
  providers: [TimelineService, ReferenceNumbers, FileRequestService, RequestQueriesService, RequestActionsService, RequestEventsHandlers],
})
export class RequestsModule {}
