import type { Role } from './enums/roles';
import type { NotificationView } from './rpc/views';

/** Who a feed line is addressed to: one user, every user of a company, or everyone with a role. */
export type FeedAudience = { userId: string } | { companyId: string } | { role: Role };

/** One feed line as it travels live (Redis pub/sub) and on replay: `seq` orders the stream. */
export interface LiveNotification {
  seq: number;
  notification: NotificationView;
}

/** A message on a live-feed channel: a new feed line, or the user's preferences changed. */
export type LiveFeedMessage = ({ kind: 'notification' } & LiveNotification) | { kind: 'preferences' };

/** The Redis pub/sub channel carrying one audience's new feed lines (under the install's prefix). */
export function liveFeedChannel(prefix: string, audience: FeedAudience): string {
  if ('userId' in audience) return `${prefix}:notifications:live:user:${audience.userId}`;
  if ('companyId' in audience) return `${prefix}:notifications:live:company:${audience.companyId}`;
  return `${prefix}:notifications:live:role:${audience.role}`;
}
