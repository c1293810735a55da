export const SLA_CONFIG = Symbol('SLA_CONFIG');
