import type { LedgerRow } from '@qifu/contracts';
import { DateTime } from 'luxon';

/** Column headers and cell values of the ledger, in Chinese with English in brackets for the headers. */
const LABELS: Record<string, Record<string, string>> = {
  category: { hiring: '招聘用工', financing: '融资', safety_hazard: '安全隐患', policy: '政策咨询', approval: '审批', other: '其他' },
  priority: { low: '低', normal: '一般', high: '高', urgent: '紧急' },
  status: {
    submitted: '待分派',
    assigned: '已分派',
    in_progress: '办理中',
    awaiting_company: '待企业补充',
    resolved: '已办结',
    under_review: '复核中',
    closed: '已关闭',
    cancelled: '已撤销',
  },
  rating: { good: '满意', bad: '不满意' },
};

export const LEDGER_HEADER = [
  '编号 Reference',
  '企业 Company',
  '类别 Category',
  '优先级 Priority',
  '标题 Title',
  '状态 Status',
  '经办人 Officer',
  '提交时间 Filed',
  '响应期限 Response due',
  '受理时间 Accepted',
  '办结期限 Resolution due',
  '办结时间 Resolved',
  '是否超时 Breached',
  '督办级别 Escalation',
  '评价 Rating',
];

/** Beijing wall-clock time, which is what a spreadsheet user reads. */
function beijing(iso: string | null): string {
  return iso ? DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM-dd HH:mm') : '';
}

export function ledgerCells(r: LedgerRow): string[] {
  return [
    r.referenceNo,
    r.companyName,
    LABELS.category?.[r.category] ?? r.category,
    LABELS.priority?.[r.priority] ?? r.priority,
    r.title,
    LABELS.status?.[r.status] ?? r.status,
    r.assigneeName ?? '',
    beijing(r.createdAt),
    beijing(r.responseDueAt),
    beijing(r.acceptedAt),
    beijing(r.resolutionDueAt),
    beijing(r.resolvedAt),
    r.breached ? '是' : '否',
    String(r.escalationLevel),
    r.rating ? (LABELS.rating?.[r.rating] ?? r.rating) : '',
  ];
}
