import type { WritePacket } from '@nestjs/microservices';

/** A command as it waits in a service's RPC queue. */
export interface RpcJobData {
  id: string;
  pattern: string;
  data: unknown;
  /** Pub/sub channel of the calling client instance. */
  replyTo: string;
  /** Epoch ms after which the caller has given up: the command is dropped, never run late. */
  deadline: number;
  metadata?: Record<string, string>;
}

/**
 * Commands sent while the client's previous add was on its way travel in one job (each still has
 * its own id, deadline and reply): every BullMQ job costs Redis several scripts.
 */
export interface RpcGroupJobData {
  commands: RpcJobData[];
}

export type RpcJob = RpcJobData | RpcGroupJobData;

/** The commands a job carries, in the order they were sent. */
export function commandsOf(job: RpcJob): RpcJobData[] {
  return 'commands' in job ? job.commands : [job];
}

export interface RpcReply extends WritePacket {
  id: string;
}

export function replyChannel(prefix: string, clientId: string): string {
  return `${prefix}:rpc-reply:${clientId}`;
}
