import 'reflect-metadata';
import { runMain } from '@qifu/messaging';
import { bootstrapNotifications } from './bootstrap';

runMain('notifications', () => bootstrapNotifications(process.env, true));
