import type { ServiceName } from '@qifu/contracts';

export interface MessagingOptions {
  service: ServiceName;
  schema: string;
  redisUrl: string;
  prefix: string;
  /** Inbox events handled at once by this replica. */
  inboxConcurrency?: number;
  /** How often the relay looks for unpublished rows when no NOTIFY arrived (ms). */
  relayPollMs?: number;
  /** How far back the relay re-sends events when it finds that Redis lost its data (hours). */
  replayHours?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
