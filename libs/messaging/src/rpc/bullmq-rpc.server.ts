import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, Server, type WritePacket } from '@nestjs/microservices';
import { RPC_QUEUES, type RpcErrorPayload, type ServiceName } from '@qifu/contracts';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../redis';
import { QueueRpcContext } from './queue-rpc.context';
import { commandsOf, type RpcJob, type RpcJobData, type RpcReply } from './rpc-envelope';

export interface BullmqRpcServerOptions {
  service: ServiceName;
  redisUrl: string;
  prefix: string;
  concurrency?: number;
}

/**
 * Commands over a BullMQ queue: every replica of a service consumes the same queue, so each command
 * is handled by exactly one replica (competing consumers), unlike Nest's pub/sub Redis transport.
 * Replies travel on the caller's own pub/sub channel. The commands of a job (one, or a group the
 * client sent together) run at once, each with its own deadline and reply.
 */
export class BullmqRpcServer extends Server implements CustomTransportStrategy {
  private worker?: Worker<RpcJob>;
  private publisher?: Redis;
  private workerConnection?: Redis;
  private readonly log: Logger;

  constructor(private readonly options: BullmqRpcServerOptions) {
    super();
    this.log = new Logger(`Rpc:${options.service}`);
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    const { service, redisUrl, prefix } = this.options;
    // Replies finishing together (a batch of filings) leave in one write.
    this.publisher = createRedis(redisUrl, { enableAutoPipelining: true });
    this.publisher.on('error', (err: Error) => this.log.warn(`reply connection: ${err.message}`));
    this.workerConnection = createRedis(redisUrl);
    this.worker = new Worker<RpcJob>(RPC_QUEUES[service], (job) => this.handleJob(job), {
      connection: this.workerConnection,
      prefix,
      concurrency: this.options.concurrency ?? 128,
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 1000, age: 24 * 3600 },
      // A stalled command is never run twice: its caller has long given up (see deadline).
      maxStalledCount: 0,
    });
    this.worker.on('error', (err) => this.log.warn(`worker: ${err.message}`));
    this.worker.waitUntilReady().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  private async handleJob(job: Job<RpcJob>): Promise<void> {
    await Promise.all(commandsOf(job.data).map((command) => this.handleCommand(command)));
  }

  private async handleCommand(data: RpcJobData): Promise<void> {
    if (Date.now() > data.deadline) {
      this.log.warn(`dropped ${data.pattern} ${data.id}: its caller gave up ${Date.now() - data.deadline} ms ago`);
      return;
    }
    const reply = async (packet: WritePacket): Promise<void> => {
      const message: RpcReply = { ...packet, id: data.id };
      await this.publisher?.publish(data.replyTo, JSON.stringify(message));
    };
    const handler = this.getHandlerByPattern(data.pattern);
    if (!handler) {
      const err: RpcErrorPayload = { code: 'INTERNAL', message: `no handler for ${data.pattern}` };
      await reply({ err, isDisposed: true });
      return;
    }
    const ctx = new QueueRpcContext([data.pattern, data.metadata]);
    await new Promise<void>((resolve) => {
      void (async () => {
        try {
          const response$ = this.transformToObservable(await handler(data.data, ctx));
          this.send(response$, async (packet) => {
            await reply(packet);
            if (packet.isDisposed) resolve();
          });
        } catch (err) {
          this.log.error(`${data.pattern} failed outside the exception filters`, err as Error);
          await reply({ err: { code: 'INTERNAL', message: 'internal error' }, isDisposed: true }).catch(() => undefined);
          resolve();
        }
      })();
    });
  }

  on(): never {
    throw new Error('BullmqRpcServer has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.worker as T;
  }

  async close(): Promise<void> {
    // Finish the commands in flight, then stop.
    await this.worker?.close();
    // BullMQ leaves a connection it was given open.
    this.workerConnection?.disconnect();
    this.publisher?.disconnect();
  }
}
