export * from './test-resources';
