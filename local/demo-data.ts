/**
 * Demo data for `npm start`, loaded through the desk's own HTTP API as a newsroom would use it: the
 * topic catalogue, a confirmed subscriber, a correction walked from report to publication by two
 * people, and a few cases waiting in the queue. Skipped when the data directory already has topics.
 */
import { demoTopics } from './demo-topics.ts';
import type { LocalStack } from './stack.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function loadDemoData(stack: LocalStack): Promise<string[]> {
  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; ifMatch?: number } = {},
  ) => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.ifMatch !== undefined ? { 'if-match': `"${options.ifMatch}"` } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text.startsWith('{') ? JSON.parse(text) : text;
  };

  const admin = await stack.issueToken({ sub: 'admin-chen', name: '陈主任', groups: ['admin'] });
  // Asked of the editors' function, which sees its own writes at once: the public function keeps the
  // catalogue it read for a while (as deployed), so asking it first would hide the topics added below.
  const existing = await call('GET', '/admin/topics', { token: admin });
  if (existing.items.length > 0)
    return [`kept from the data directory: ${existing.items.length} topics and their cases`];

  const reviewer = await stack.issueToken({ sub: 'reviewer-li', name: '李审核', groups: ['reviewer'] });
  const editor = await stack.issueToken({ sub: 'editor-wang', name: '王编辑', groups: ['editor'] });

  for (const { key, ...topic } of demoTopics)
    await call('PUT', `/admin/topics/${key}`, { token: admin, body: topic });

  // A subscriber who confirms through the link in their confirmation email (read from the outbox).
  const subscriberAddress = 'subscriber@example.org';
  const subscription = await call('POST', '/subscriptions', {
    body: {
      channel: 'email',
      address: subscriberAddress,
      topics: ['firefighting-rescue'],
      language: 'zh-CN',
    },
  });
  // The email sender sends it from its queue: it lands in the outbox a moment after the request.
  let link: string | undefined;
  for (const deadline = Date.now() + 20_000; !link && Date.now() < deadline; ) {
    const confirmation = (await stack.outbox.read(subscriberAddress)).find(
      (message) => message.kind === 'confirmation',
    );
    link = confirmation?.body.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
    if (!link) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!link) throw new Error('The confirmation email did not arrive in the outbox');
  // Opening the link shows a button; its POST confirms (what a person does in the browser).
  const confirmUrl = new URL(link);
  await call('POST', confirmUrl.pathname, { body: { token: confirmUrl.searchParams.get('token') } });

  // A report from the public, reviewed, drafted and approved by two different people, then published.
  const reporterAddress = 'reader@example.org';
  const receipt = await call('POST', '/submissions', {
    body: {
      text: '通报称昨日仓库火灾造成3人受伤，据现场消息实际为1人轻伤。',
      url: 'https://119.example.gov.cn/news/2026/11/warehouse-fire.html',
      topic: 'firefighting-rescue',
      contact: { email: reporterAddress },
    },
  });
  const id = receipt.caseId as string;
  let c = await call('POST', `/admin/cases/${id}/assign`, {
    token: reviewer,
    ifMatch: 1,
    body: { assignee: 'reviewer-li' },
  });
  c = await call('POST', `/admin/cases/${id}/review`, {
    token: reviewer,
    ifMatch: c.version,
    body: { verdict: 'correction', findings: '经指挥中心核实，受伤人数为1人，已出院。' },
  });
  c = await call('PUT', `/admin/cases/${id}/draft`, {
    token: reviewer,
    ifMatch: c.version,
    body: {
      type: 'correction',
      headline: '关于仓库火灾受伤人数的更正',
      body: '本局11月25日发布的通报称仓库火灾造成3人受伤。经核实，实际受伤1人，伤情轻微，已于当日出院。特此更正。',
    },
  });
  c = await call('POST', `/admin/cases/${id}/submit`, { token: reviewer, ifMatch: c.version });
  c = await call('POST', `/admin/cases/${id}/approve`, { token: editor, ifMatch: c.version });
  let correctionId: string | undefined;
  for (const deadline = Date.now() + 15_000; !correctionId && Date.now() < deadline; await sleep(200)) {
    correctionId = (await call('GET', `/admin/cases/${id}`, { token: editor })).correctionId;
  }
  if (!correctionId) throw new Error(`Case ${id} was approved but not published within 15 s`);

  // Cases waiting in the queue: an urgent one spotted by monitoring, and a fresh public report.
  await call('POST', '/admin/cases', {
    token: editor,
    body: {
      text: '某媒体转载的119接警统计将“误报”计入火灾起数，数据偏高约40%。',
      topic: 'public-information',
      source: 'monitoring',
      severity: 'critical',
      url: 'https://news.example.com/2026/11/fire-statistics',
    },
  });
  await call('POST', '/submissions', {
    body: {
      text: 'The English page lists the wrong opening hours for the fire safety exhibition hall.',
      url: 'https://119.example.gov.cn/en/exhibition',
      topic: 'fire-prevention',
      language: 'en',
    },
  });

  return [
    `${demoTopics.length} topics of a city fire and rescue bureau (GET /topics)`,
    `a published correction: ${stack.url}/c/${correctionId} (case ${id}; the reporter ${reporterAddress} got a reply)`,
    `a confirmed subscriber of firefighting-rescue: ${subscriberAddress} (subscription ${subscription.id})`,
    'two cases in the queue: a critical one from monitoring and a public report in English',
    'demo editors: admin-chen (admin), reviewer-li (reviewer), editor-wang (editor)',
  ];
}
