import { common } from './common';
import { requests } from './requests';
import { manage } from './manage';
import type { Resources } from '../zh-CN';

export const en: Resources = { ...common, ...requests, ...manage };
