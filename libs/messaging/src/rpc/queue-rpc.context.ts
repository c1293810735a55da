import { BaseRpcContext } from '@nestjs/microservices';

type QueueRpcArgs = [pattern: string, metadata: Record<string, string> | undefined];

export class QueueRpcContext extends BaseRpcContext<QueueRpcArgs> {
  getPattern(): string {
    return this.args[0];
  }

  getMetadata(): Record<string, string> | undefined {
    return this.args[1];
  }
}
