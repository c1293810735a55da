export interface RequestAssignedV1 {
  requestId: string;
  referenceNo: string;
  officerId: string;
  officerName: string;
  departmentId: string | null;
  supervisorId: string | null;
  previousOfficerId: string | null;
  reason: 'liaison' | 'category' | 'manual' | 'transfer';
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
