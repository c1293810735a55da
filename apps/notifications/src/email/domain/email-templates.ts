import type { NotificationLocale, NotificationType } from '@qifu/contracts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  type: NotificationType;
  referenceNo: string;
  text: { zh: string; en: string };
  /** Where the reader opens the case, when the install has a public address. */
  link: string | null;
}

const TITLES: Readonly<Record<NotificationType, { zh: string; en: string }>> = {
  'request.assigned': { zh: '新工单分派', en: 'New case assigned' },
  'request.unassigned': { zh: '工单待分派', en: 'Case waiting for an officer' },
  'request.info_requested': { zh: '请补充材料', en: 'Information needed' },
  'request.resolved': { zh: '工单已办结', en: 'Case resolved' },
  'sla.warning': { zh: '即将超时提醒', en: 'Deadline approaching' },
  'sla.breached': { zh: '超时告警', en: 'Deadline missed' },
  'sla.escalated': { zh: '督办通知', en: 'Case escalated' },
  'rating.bad': { zh: '差评待核实', en: 'Bad rating to review' },
  'request.escalated': { zh: '企业催办', en: 'Company escalated a case' },
  'request.plan_set': { zh: '办理计划已制定', en: 'Plan set for your case' },
};

const WORDS = {
  'zh-CN': {
    brand: '企服',
    open: '查看工单',
    footer: '此邮件由企服系统自动发送，请勿直接回复。可在“通知设置”中关闭邮件提醒。',
  },
  en: {
    brand: 'Qifu',
    open: 'Open the case',
    footer: 'Sent automatically by Qifu; replies are not read. Turn email alerts off in your notification settings.',
  },
} as const;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The alert email in the reader's language: subject, plain text and a simple HTML body. */
export function renderEmail(locale: NotificationLocale, input: EmailInput): EmailContent {
  const w = WORDS[locale];
  const zh = locale === 'zh-CN';
  const title = zh ? TITLES[input.type].zh : TITLES[input.type].en;
  const line = zh ? input.text.zh : input.text.en;
  const subject = `[${w.brand}] ${title}${zh ? '：' : ': '}${input.referenceNo}`;
  const text = [line, ...(input.link ? ['', `${w.open}: ${input.link}`] : []), '', '—', w.footer].join('\n');
  const html = [
    `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><body style="font-family:sans-serif">`,
    `<h2 style="font-size:16px">${escapeHtml(title)} · ${escapeHtml(input.referenceNo)}</h2>`,
    `<p>${escapeHtml(line)}</p>`,
    input.link ? `<p><a href="${escapeHtml(input.link)}">${escapeHtml(w.open)}</a></p>` : '',
    `<p style="color:#888;font-size:12px">${escapeHtml(w.footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
