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

export interface RpcReply extends WritePacket {
  id: string;
}

export function replyChannel(prefix: string, clientId: string): string {
  return `${prefix}:rpc-reply:${clientId}`;
}
