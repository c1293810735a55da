import 'reflect-metadata';
import { runMain } from '@qifu/messaging';
import { bootstrapSla } from './bootstrap';

runMain('sla', () => bootstrapSla(process.env, true));
