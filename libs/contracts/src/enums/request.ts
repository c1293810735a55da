export const REQUEST_CATEGORIES = ['hiring', 'financing', 'safety_hazard', 'policy', 'approval', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REQUEST_STATUSES = [
  'submitted',
  'assigned',
  'in_progress',
  'awaiting_company',
  'resolved',
  'under_review',
  'closed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const RATINGS = ['good', 'bad'] as const;
export type Rating = (typeof RATINGS)[number];

export const HAZARD_TYPES = ['fire', 'electrical', 'chemical', 'structural', 'machinery', 'other'] as const;
export type HazardType = (typeof HAZARD_TYPES)[number];

export const HAZARD_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type HazardSeverity = (typeof HAZARD_SEVERITIES)[number];
