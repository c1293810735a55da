import { BaseConfig } from '@qifu/config';

export class RequestsConfig extends BaseConfig {}
