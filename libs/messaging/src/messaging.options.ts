import type { ServiceName } from '@qifu/contracts';

export interface MessagingOptions {
  service: ServiceName;
  schema: string;
  redisUrl: string;
  prefix: string;
  /** Most inbox events handled in one transaction (default 50). */
  inboxBatch?: number;
  /** Inbox events this replica takes from its queue at once: the running batch and the next (default twice inboxBatch). */
  inboxConcurrency?: number;
  /** How often the relay looks for unpublished rows when no NOTIFY arrived (ms). */
  relayPollMs?: number;
  /** How far back the relay re-sends events when it finds that Redis lost its data (hours). */
  replayHours?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
