/** What the Webhooks and Import pages say, in Chinese (the default) and English. */
import type { Language } from '../../domain/case.ts';

const zh = {
  webhooks: 'Webhook',
  webhooksTitle: 'Webhook（其他渠道）',
  webhooksIntro:
    '每次发布更正或修订，都会以签名的 POST 发送到这里的地址。失败会按退避重试 24 小时以上；连续 10 个事件失败后停用并提醒编辑。',
  noWebhooks: '还没有 Webhook。',
  url: '接收地址（https）',
  description: '说明（可选）',
  add: '添加 Webhook',
  secretOnce: '签名密钥只显示这一次，请立即保存：',
  status: { active: '启用', disabled: '已停用' } as Record<string, string>,
  failures: (n: number) => `连续失败事件：${n}`,
  attempts: '最近调用',
  noAttempts: '还没有调用。',
  reEnable: '重新启用',
  remove: '删除',
  removeConfirm: '删除后不再向这个地址发送任何事件。',
  more: '更多',
  attemptLine: (event: string, attempt: number, outcome: string, ms: number) =>
    `${event} · 第 ${attempt} 次 · ${outcome} · ${ms} 毫秒`,
  importNav: '导入订阅者',
  importTitle: '导入订阅者（CSV）',
  importIntro:
    'UTF-8 CSV，首行为列名：channel,address,topics,follows,language,frequency,consent_at,consent_source（topics 用分号分隔）。有 consent_at 和 consent_source 的行立即生效；没有的会收到确认邮件。先试运行，确认无误再导入。',
  file: 'CSV 文件',
  dryRun: '试运行（不写入）',
  runImport: '导入',
  dryRunDone: '试运行结果（尚未写入）：',
  importDone: '导入完成：',
  counts: (c: ImportCounts) =>
    `新建 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}，发出确认 ${c.confirmationsSent}，跳过（已屏蔽）${c.skipped}，拒绝 ${c.rejected.length}`,
  importStarted: '已核对，正在写入：',
  importWriting: (written: number, rows: number) => `正在写入：${rows} 行中已写入 ${written} 行……`,
  importWritten: '写入完成：',
  rejectedRows: '被拒绝的行',
  line: (n: number) => `第 ${n} 行`,
  chooseFile: '请选择一个 CSV 文件。',
  deliveries: '发送情况',
  deliveriesOf: (v: number) => `第 ${v} 版`,
  channels: { email: '邮件', sms: '短信', webhooks: 'Webhook' },
  outcomes: {
    planned: '计划',
    sent: '已发送',
    pending: '待发送',
    failed: '失败重试中',
    parked: '已放弃',
    suppressed: '已屏蔽',
  },
  refresh: '刷新',
  reannounce: '重新发送',
  reannounceConfirm: '向受众中尚未收到最新版本的人再次发送（不会重复发送）。',
  reannounced: '已安排重新发送。',
};

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  confirmationsSent: number;
  skipped: number;
  rejected: Array<{ line: number; errors: string[] }>;
  /** A long file's rows are written after the answer, by a job. */
  job?: ImportJob;
}

export interface ImportJob {
  id: string;
  status: 'writing' | 'done';
  rows: number;
  rowsWritten: number;
  written: Omit<ImportCounts, 'skipped' | 'job'>;
}

const en: typeof zh = {
  webhooks: 'Webhooks',
  webhooksTitle: 'Webhooks (other channels)',
  webhooksIntro:
    'Every published correction and amendment is POSTed here, signed. Failures are retried with backoff for over 24 hours; after 10 failed events in a row a webhook is disabled and the editors are alerted.',
  noWebhooks: 'No webhooks yet.',
  url: 'Receiving URL (https)',
  description: 'Description (optional)',
  add: 'Add webhook',
  secretOnce: 'The signing secret is shown this once: store it now:',
  status: { active: 'Active', disabled: 'Disabled' },
  failures: (n) => `Failed events in a row: ${n}`,
  attempts: 'Latest calls',
  noAttempts: 'No calls yet.',
  reEnable: 'Re-enable',
  remove: 'Remove',
  removeConfirm: 'Once removed, nothing more is sent to this address.',
  more: 'More',
  attemptLine: (event, attempt, outcome, ms) => `${event} · try ${attempt} · ${outcome} · ${ms} ms`,
  importNav: 'Import subscribers',
  importTitle: 'Import subscribers (CSV)',
  importIntro:
    'UTF-8 CSV with a header row: channel,address,topics,follows,language,frequency,consent_at,consent_source (topics separated by ";"). Rows with consent_at and consent_source are active at once; the others get a confirmation email. Dry run first, then import.',
  file: 'CSV file',
  dryRun: 'Dry run (writes nothing)',
  runImport: 'Import',
  dryRunDone: 'Dry run (nothing written yet):',
  importDone: 'Imported:',
  counts: (c) =>
    `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, confirmations sent ${c.confirmationsSent}, skipped (suppressed) ${c.skipped}, rejected ${c.rejected.length}`,
  importStarted: 'Checked, now being written:',
  importWriting: (written, rows) => `Writing: ${written} of ${rows} rows written…`,
  importWritten: 'Written:',
  rejectedRows: 'Rejected rows',
  line: (n) => `Line ${n}`,
  chooseFile: 'Choose a CSV file.',
  deliveries: 'Delivery',
  deliveriesOf: (v) => `Version ${v}`,
  channels: { email: 'Email', sms: 'SMS', webhooks: 'Webhooks' },
  outcomes: {
    planned: 'Planned',
    sent: 'Sent',
    pending: 'Pending',
    failed: 'Retrying',
    parked: 'Gave up',
    suppressed: 'Suppressed',
  },
  refresh: 'Refresh',
  reannounce: 'Re-announce',
  reannounceConfirm:
    'Send the latest version again to everyone in its audience who has not received it (nobody gets it twice).',
  reannounced: 'Re-announcement queued.',
};

export const channelWords: Record<Language, typeof zh> = { 'zh-CN': zh, en };
