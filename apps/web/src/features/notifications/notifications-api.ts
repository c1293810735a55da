import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asItems } from '../../api/client';
import type { AppNotification, Paged } from '../../api/types';

export const unreadKey = ['notifications', 'unread'] as const;

export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: unreadKey,
    enabled,
    queryFn: async () =>
      asItems(
        await api<AppNotification[] | Paged<AppNotification>>('/notifications', {
          query: { unread: true, pageSize: 100 },
        }),
      ),
    refetchInterval: 120_000,
  });
}

/** Adds a notification that arrived on the stream to the cached unread list (no duplicate ids). */
export function mergeNotification(list: AppNotification[] | undefined, n: AppNotification): AppNotification[] {
  const rest = (list ?? []).filter((x) => x.id !== n.id);
  return [n, ...rest];
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/notifications/${id}/read`, { method: 'POST' }),
    onMutate: (id) => {
      qc.setQueryData<AppNotification[]>(unreadKey, (old) => (old ?? []).filter((n) => n.id !== id));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: unreadKey }),
  });
}
