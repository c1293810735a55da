export const CLOCKS = ['business', 'calendar'] as const;
export type SlaClock = (typeof CLOCKS)[number];

/** A plan's dated milestones are timed like targets (one timer each, labelled with its title). */
export const SLA_TARGETS = ['response', 'resolution', 'milestone'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const SLA_STATES = ['running', 'paused', 'met', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const ESCALATION_AUDIENCES = ['supervisor', 'department_head', 'admin'] as const;
export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];
