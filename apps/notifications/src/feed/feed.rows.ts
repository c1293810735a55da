import type { FeedAudience, NotificationType, NotificationView, Role } from '@qifu/contracts';

/** NOTIFY channel: feed lines committed, the live relay should push them. */
export const FEED_CHANNEL = 'qifu_notifications_feed';

/** A `notifications` row as raw SQL returns it. */
export interface NotificationRow {
  id: string;
  event_id: string;
  user_id: string | null;
  company_id: string | null;
  role: Role | null;
  type: NotificationType;
  request_id: string | null;
  reference_no: string | null;
  message: string;
  created_at: Date;
  read_at: Date | null;
  seq: string | null;
}

export function rowToView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    type: r.type,
    requestId: r.request_id,
    referenceNo: r.reference_no,
    message: r.message,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

export function audienceOf(r: Pick<NotificationRow, 'user_id' | 'company_id' | 'role'>): FeedAudience {
  if (r.user_id) return { userId: r.user_id };
  if (r.company_id) return { companyId: r.company_id };
  if (r.role) return { role: r.role };
  throw new Error('a feed line without an audience');
}
