export const ROLES = ['admin', 'supervisor', 'officer', 'company'] as const;
export type Role = (typeof ROLES)[number];
