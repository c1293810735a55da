import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asItems } from '../../api/client';
import type { Paged, ServiceRequest, TimelineEvent } from '../../api/types';

export interface RequestFilters {
  status?: string;
  category?: string;
  assigneeId?: string;
  breached?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const requestKeys = {
  all: ['requests'] as const,
  list: (f: RequestFilters) => ['requests', 'list', f] as const,
  one: (id: string) => ['requests', 'one', id] as const,
  timeline: (id: string) => ['requests', 'timeline', id] as const,
};

export function fetchRequests(f: RequestFilters): Promise<Paged<ServiceRequest>> {
  return api<Paged<ServiceRequest>>('/requests', { query: { page: 1, pageSize: 20, ...f } });
}

export function useRequests(f: RequestFilters, opts: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: requestKeys.list(f),
    queryFn: () => fetchRequests(f),
    placeholderData: keepPreviousData,
    ...opts,
  });
}

/** A request just filed gets its officer and deadlines a moment later: look again until it has them. */
export function awaitingSetup(r: ServiceRequest | undefined): boolean {
  return !!r && !r.sla && (r.status === 'submitted' || r.status === 'assigned');
}

/** One request, fetched again on every visit (a page seen a moment ago may predate its deadlines). */
export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.one(id ?? ''),
    queryFn: () => api<ServiceRequest>(`/requests/${id ?? ''}`),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (awaitingSetup(query.state.data) ? 2_000 : false),
  });
}

export function useTimeline(id: string | undefined, settingUp = false) {
  return useQuery({
    queryKey: requestKeys.timeline(id ?? ''),
    queryFn: async () => asItems(await api<TimelineEvent[] | Paged<TimelineEvent>>(`/requests/${id ?? ''}/timeline`)),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: settingUp ? 2_000 : false,
  });
}

export type RequestAction =
  | 'accept'
  | 'comments'
  | 'request-info'
  | 'provide-info'
  | 'transfer'
  | 'plan'
  | 'resolve'
  | 'rate'
  | 'review'
  | 'escalate'
  | 'cancel'
  | 'reopen';

/** Every case action is a POST /requests/:id/<action>; afterwards the case, its timeline and lists refresh. */
export function useRequestAction(id: string, action: RequestAction) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body?: unknown) =>
      api<ServiceRequest | undefined>(`/requests/${id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'id' in data && 'status' in data)
        qc.setQueryData(requestKeys.one(id), data);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: requestKeys.all }),
  });
}
