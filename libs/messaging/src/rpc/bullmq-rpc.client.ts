import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { RPC_QUEUES, type RpcErrorPayload, type ServiceName } from '@qifu/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../redis';
import { replyChannel, type RpcJobData, type RpcReply } from './rpc-envelope';

export interface BullmqRpcClientOptions {
  service: ServiceName;
  redisUrl: string;
  prefix: string;
  timeoutMs: number;
}

type Pending = { callback: (packet: WritePacket) => void; timer: NodeJS.Timeout };

/** The calling side of BullmqRpcServer: enqueue the command, wait for the reply on our own channel. */
export class BullmqRpcClient extends ClientProxy {
  private readonly clientId = randomUUID();
  private readonly pending = new Map<string, Pending>();
  private readonly log: Logger;
  private queue?: Queue<RpcJobData>;
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
    this.queue = new Queue<RpcJobData>(RPC_QUEUES[service], { connection: producer, prefix });
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
      this.queue
        .add(job.pattern, job, { jobId: id, removeOnComplete: true, removeOnFail: { count: 1000, age: 24 * 3600 } })
        .catch((err: unknown) => fail(`could not reach the ${service} queue: ${(err as Error).message}`));
    }
    return () => {
      const p = this.pending.get(id);
      if (p) {
        clearTimeout(p.timer);
        this.pending.delete(id);
      }
    };
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
