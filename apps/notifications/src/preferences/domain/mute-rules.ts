import type { NotificationChannel, NotificationPreferencesView, NotificationType } from '@qifu/contracts';

export type MuteSettings = Pick<NotificationPreferencesView, 'mutedTypes' | 'mutedChannels'>;

export const NOTHING_MUTED: MuteSettings = { mutedTypes: [], mutedChannels: [] };

/**
 * Whether a user wants a notification of this type on this channel. A muted type is muted on every
 * channel; a muted channel carries nothing. In-app means the feed list and the live stream alike.
 */
export function wants(settings: MuteSettings, type: NotificationType, channel: NotificationChannel): boolean {
  return !settings.mutedChannels.includes(channel) && !settings.mutedTypes.includes(type);
}

/** What the app shows a user: nothing (in-app muted), or every type except the muted ones. */
export function visibleTypesFilter(settings: MuteSettings): { none: true } | { except: NotificationType[] } {
  if (settings.mutedChannels.includes('in_app')) return { none: true };
  return { except: [...settings.mutedTypes] };
}
