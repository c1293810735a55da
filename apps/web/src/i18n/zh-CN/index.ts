import { common } from './common';
import { requests } from './requests';
import { manage } from './manage';

export const zhCN = { ...common, ...requests, ...manage };
export type Resources = typeof zhCN;
