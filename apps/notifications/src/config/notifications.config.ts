import { BaseConfig } from '@qifu/config';

export class NotificationsConfig extends BaseConfig {}
