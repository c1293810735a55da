import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, newIdempotencyKey } from '../../api/client';
import type { ServiceRequest } from '../../api/types';
import { requestKeys } from '../requests/requests-api';
import type { FilingBody } from './filing/filing-rules';

/**
 * POST /requests with an Idempotency-Key: a retry of the same body (after a 503 or a lost answer)
 * reuses the key and gets the first answer back; a changed body gets a new key.
 */
export function useFileRequest() {
  const qc = useQueryClient();
  const last = useRef<{ key: string; body: string } | null>(null);
  return useMutation({
    mutationFn: (body: FilingBody) => {
      const json = JSON.stringify(body);
      if (!last.current || last.current.body !== json) last.current = { key: newIdempotencyKey(), body: json };
      return api<ServiceRequest>('/requests', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': last.current.key },
      });
    },
    onSuccess: () => {
      last.current = null;
      void qc.invalidateQueries({ queryKey: requestKeys.all });
    },
  });
}
