import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { RPC_QUEUES, type RpcErrorPayload, type ServiceName } from '@qifu/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Batcher } from '../batcher';
import { createRedis } from '../redis';
import { replyChannel, type RpcJob, type RpcJobData, type RpcReply } from './rpc-envelope';

/** Most commands in one job. */
export const RPC_GROUP_MAX = 64;

export interface BullmqRpcClientOptions {
  service: ServiceName;
  redisUrl: string;
  prefix: string;
  timeoutMs: number;
}

type Pending = { callback: (packet: WritePacket) => void; timer: NodeJS.Timeout };

const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: { count: 1000, age: 24 * 3600 } };

/**
 * The calling side of BullmqRpcServer: enqueue the command, wait for the reply on our own channel.
 * A command sent when no add is on its way is a job of its own (job id = command id); commands sent
 * meanwhile share the next job (at most RPC_GROUP_MAX), so under load a job carries several.
 */
export class BullmqRpcClient extends ClientProxy {
  private readonly clientId = randomUUID();
  private readonly pending = new Map<string, Pending>();
  private readonly log: Logger;
  private queue?: Queue<RpcJob>;
  private readonly sender = new Batcher<RpcJobData>(
    { together: (commands) => this.addGroup(commands), alone: (command) => this.addOne(command) },
    RPC_GROUP_MAX,
  );
  private subscriber?: Redis;
  private producer?: Redis;
  private connecting?: Promise<void>;

  constructor(private readonly options: BullmqRpcClientOptions) {
    super();
    this.log = new Logger(`RpcClient:${options.service}`);
  }

  get channel(): string {
    return replyChannel(this.options.prefix, this.clientId);
  }

  connect(): Promise<void> {
    this.connecting ??= this.doConnect();
    return this.connecting;
  }

  private async doConnect(): Promise<void> {
    const { redisUrl, prefix, service } = this.options;
    const producer = createRedis(redisUrl, { maxRetriesPerRequest: 1 });
    this.producer = producer;
    producer.on('error', (err: Error) => this.log.warn(`queue connection: ${err.message}`));
    this.queue = new Queue<RpcJob>(RPC_QUEUES[service], { connection: producer, prefix });
    this.queue.on('error', (err: Error) => this.log.warn(`queue: ${err.message}`));
    const subscriber = createRedis(redisUrl);
    subscriber.on('error', (err: Error) => this.log.warn(`reply subscriber: ${err.message}`));
    subscriber.on('message', (_channel: string, raw: string) => this.onReply(raw));
    this.subscriber = subscriber;
    await subscriber.subscribe(this.channel);
  }

  private onReply(raw: string): void {
    let reply: RpcReply;
    try {
      reply = JSON.parse(raw) as RpcReply;
    } catch {
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.isDisposed || reply.err !== undefined) {
      clearTimeout(pending.timer);
      this.pending.delete(reply.id);
    }
    pending.callback(reply);
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const id = randomUUID();
    const { timeoutMs, service } = this.options;
    const fail = (message: string): void => {
      const p = this.pending.get(id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(id);
      const err: RpcErrorPayload = { code: 'SERVICE_UNAVAILABLE', message };
      callback({ err, isDisposed: true });
    };
    const timer = setTimeout(() => {
      fail(`the ${service} service did not answer within ${timeoutMs} ms`);
      // A command still waiting alone is removed; one in a group is dropped by its deadline.
      void this.queue?.remove(id).catch(() => undefined);
    }, timeoutMs);
    this.pending.set(id, { callback, timer });
    const job: RpcJobData = {
      id,
      pattern: this.normalizePattern(packet.pattern),
      data: packet.data,
      replyTo: this.channel,
      deadline: Date.now() + timeoutMs,
      ...(packet.metadata ? { metadata: packet.metadata } : {}),
    };
    if (!this.queue) {
      fail(`the ${service} queue is not connected`);
    } else {
      this.sender.add(job).catch((err: unknown) => fail(`could not reach the ${service} queue: ${(err as Error).message}`));
    }
    return () => {
      const p = this.pending.get(id);
      if (p) {
        clearTimeout(p.timer);
        this.pending.delete(id);
      }
    };
  }

  private async addOne(command: RpcJobData): Promise<void> {
    await this.queue?.add(command.pattern, command, { jobId: command.id, ...JOB_OPTIONS });
  }

  private async addGroup(commands: readonly RpcJobData[]): Promise<void[]> {
    const patterns = new Set(commands.map((c) => c.pattern));
    const name = patterns.size === 1 ? `${commands[0]?.pattern} ×${commands.length}` : `${commands.length} commands`;
    await this.queue?.add(name, { commands: [...commands] }, { jobId: randomUUID(), ...JOB_OPTIONS });
    return commands.map(() => undefined);
  }

  protected dispatchEvent<T = unknown>(): Promise<T> {
    return Promise.reject(new Error('events travel through the transactional outbox, not the RPC client'));
  }

  unwrap<T>(): T {
    return this.queue as T;
  }

  async close(): Promise<void> {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.callback({ err: { code: 'SERVICE_UNAVAILABLE', message: 'client closing' }, isDisposed: true });
    }
    await this.queue?.close();
    this.producer?.disconnect();
    this.subscriber?.disconnect();
    this.connecting = undefined;
  }
}
