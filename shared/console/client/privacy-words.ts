/** What the Erase a person page says, in Chinese (the default) and English. */
import type { Language } from '../../domain/case.ts';

export interface ErasureCounts {
  subscriptions: number;
  submissions: number;
  deliveries: number;
}

const zh = {
  eraseNav: '删除个人数据',
  eraseTitle: '删除一个人的数据',
  eraseIntro:
    '应本人请求（个人信息保护法、GDPR）：从订阅、每份报告的联系方式和发送记录中删除这个地址，并永久屏蔽它（只保留加密散列）。报告内容和已发布的更正不变。审计记录只保存散列，不保存地址。',
  channel: '方式',
  channels: { email: '电子邮件', sms: '手机号码（短信）' },
  address: '地址或号码',
  addressHint: '电子邮件地址，或 E.164 格式的号码，如 +8613800138000',
  erase: '删除并屏蔽',
  confirmTitle: '删除这个人的数据？',
  confirmMessage: '订阅、联系方式和发送记录将被删除，无法恢复；此地址今后不会再收到任何消息。',
  erased: (c: ErasureCounts) =>
    `已删除：订阅 ${c.subscriptions} 个，报告中的联系方式 ${c.submissions} 份，发送记录 ${c.deliveries} 条。此地址已屏蔽。`,
};

const en: typeof zh = {
  eraseNav: 'Erase a person',
  eraseTitle: 'Erase a person’s data',
  eraseIntro:
    'At the person’s request (PIPL, GDPR): removes the address from their subscription, from the contact of every report and from the delivery records, and suppresses it for good (kept only as a keyed hash). Reports and published corrections do not change. The audit entry keeps the hash, never the address.',
  channel: 'Channel',
  channels: { email: 'Email', sms: 'Phone number (SMS)' },
  address: 'Address or number',
  addressHint: 'An email address, or a number in E.164 form such as +8613800138000',
  erase: 'Erase and suppress',
  confirmTitle: 'Erase this person’s data?',
  confirmMessage:
    'Their subscription, contact details and delivery records are deleted and cannot be brought back; the address gets nothing from the desk again.',
  erased: (c: ErasureCounts) =>
    `Erased: ${c.subscriptions} subscription(s), the contact on ${c.submissions} report(s), ${c.deliveries} delivery record(s). The address is suppressed.`,
};

export const privacyWords: Record<Language, typeof zh> = { 'zh-CN': zh, en };
