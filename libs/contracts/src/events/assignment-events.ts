export interface RequestAssignedV1 {
  requestId: string;
  referenceNo: string;
  officerId: string;
  officerName: string;
  departmentId: string | null;
  supervisorId: string | null;
  previousOfficerId: string | null;
  /** `accepted`: given back to the officer who accepted it as it was being taken from them. */
  reason: 'liaison' | 'category' | 'manual' | 'transfer' | 'accepted';
  assignedAt: string;
}

export interface RequestUnassignedV1 {
  requestId: string;
  referenceNo: string;
  departmentId: string | null;
  /** Who must hear that the request waits: the department's supervisors (all supervisors if none). */
  supervisorIds: string[];
  reason: string;
  /** Set when the request was taken back from this officer (they became unavailable before accepting). */
  releasedFrom?: string | null;
  at: string;
}
