import 'reflect-metadata';
import { runMain } from '@qifu/messaging';
import { bootstrapRequests } from './bootstrap';

runMain('requests', () => bootstrapRequests(process.env, true));
