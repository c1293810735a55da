import 'reflect-metadata';
import { runMain } from '@qifu/messaging';
import { bootstrapAssignment } from './bootstrap';

runMain('assignment', () => bootstrapAssignment(process.env, true));
