import { useQuery } from '@tanstack/react-query';
import { api, asItems } from '../../api/client';
import type { Calendar, Paged } from '../../api/types';

export const policiesKey = ['sla', 'policies'] as const;
export const calendarsKey = ['calendars'] as const;

export function useCalendars() {
  return useQuery({
    queryKey: calendarsKey,
    queryFn: async () => asItems(await api<Calendar[] | Paged<Calendar>>('/calendars')).map(normaliseCalendar),
  });
}

/** Lists the backend may leave out are empty lists here. */
export function normaliseCalendar(c: Partial<Calendar> & Pick<Calendar, 'id'>): Calendar {
  return {
    id: c.id,
    name: c.name ?? c.id,
    timezone: c.timezone ?? 'Asia/Shanghai',
    workingHours: c.workingHours ?? [],
    holidays: c.holidays ?? [],
    workdays: c.workdays ?? [],
  };
}
