export * from './data-source';
export * from './ensure-database';
export * from './pg-errors';
export * from './pg-listener';
export * from './notify-at-commit';
export * from './insert-many';
export * from './prepared-query';
