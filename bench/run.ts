/**
 * `npm run bench`: the desk's speed and memory goals, every figure a ratio or a count within one run on
 * this machine (never a timed test). Writes bench/results.json, prints the table, puts it in the
 * README's Performance section, and exits non-zero when a goal is missed.
 */
import { writeFile } from 'node:fs/promises';
import { runningDesk } from '../tests/support/http.ts';
import { bundleGoalBytes, initGoalRatio, measureBundles } from './bundles.ts';
import { benchDesk } from './desk.ts';
import { measureHeap } from './heap.ts';
import { measureIntake } from './intake.ts';
import { measurePublishLatency } from './publish-latency.ts';
import { measureQueuePage } from './queue-page.ts';
import { type Goal, machine, printGoals, resultsFile, updateReadme } from './report.ts';
import { measureSms } from './sms.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// One client makes every request here: the desk's per-client limit would measure itself.
process.env.CLIENT_REQUESTS_PER_MINUTE = '100000000';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

async function main(): Promise<number> {
  const started = Date.now();
  const results: Record<string, unknown> = { machine: machine(), startedAt: new Date().toISOString() };
  const goals: Goal[] = [];

  const sms = measureSms();
  results.sms = sms;
  goals.push({
    section: 'sms',
    name: 'drafts in one segment',
    value: sms.oneSegment,
    unit: `of ${sms.corpus}`,
    goal: `= ${sms.corpus}`,
    ok: sms.oneSegment === sms.corpus,
  });

  // Before anything else runs, so that nothing competes with the fresh processes for the CPU.
  const bundles = await measureBundles();
  results.bundles = Object.fromEntries(bundles.map(({ function: key, ...figures }) => [key, figures]));
  for (const b of bundles) {
    goals.push({
      section: 'bundles',
      name: `${b.function} bundle`,
      value: b.bytes / 1000,
      unit: 'kB',
      goal: `≤ ${bundleGoalBytes / 1000}`,
      ok: b.bytes <= bundleGoalBytes,
    });
    goals.push({
      section: 'bundles',
      name: `${b.function} import, × SDK-only reference`,
      value: b.initRatio,
      unit: `× (${b.initMs.toFixed(0)} / ${b.referenceInitMs.toFixed(0)} ms)`,
      goal: `≤ ${initGoalRatio}`,
      ok: b.initRatio <= initGoalRatio,
    });
  }

  const desk = await runningDesk();
  const { stack } = desk;
  try {
    const latency = await measurePublishLatency(desk);
    results.publishLatencyMs = { p50: latency.p50, p95: latency.p95 };
    goals.push({
      section: 'publishLatencyMs',
      name: `approval to event on SNS, p95 of ${latency.approvals}`,
      value: latency.p95,
      unit: `ms (p50 ${latency.p50.toFixed(0)})`,
      goal: '≤ 1500',
      ok: latency.p95 <= 1500,
    });

    const intake = await measureIntake(stack);
    results.intake = Object.fromEntries(intake.map(({ page, goal: _, ...figures }) => [page, figures]));
    for (const i of intake) {
      goals.push({
        section: 'intake',
        name: `${i.page} pages: rps × bare DynamoDB writes`,
        value: i.ratio,
        unit: `× (${i.rps.toFixed(0)} / ${i.referenceRps.toFixed(0)} rps, p99 ${i.p99Ms} ms)`,
        goal: `≥ ${i.goal}`,
        ok: i.ratio >= i.goal,
      });
      goals.push({
        section: 'intake',
        name: `${i.page} pages: errors + lost receipts`,
        value: i.errors + i.lost,
        unit: '',
        goal: '= 0',
        ok: i.errors + i.lost === 0,
      });
    }

    const heap = await measureHeap(stack);
    results.heap = heap;
    goals.push({
      section: 'heap',
      name: `growth over ${heap.requests} public requests`,
      value: heap.growthMiB,
      unit: 'MiB',
      goal: '< 20',
      ok: heap.growthMiB < 20,
    });

    const queue = await measureQueuePage(await benchDesk(stack.endpoints.dynamoDb, 'bench-queue'));
    results.queuePage = queue;
    goals.push({
      section: 'queuePage',
      name: `page of 20, ${queue.largeItems} ÷ ${queue.smallItems} cases`,
      value: queue.ratio,
      unit: `× (${queue.largeP50Ms.toFixed(1)} / ${queue.smallP50Ms.toFixed(1)} ms)`,
      goal: '≤ 1.5',
      ok: queue.ratio <= 1.5,
    });
    goals.push({
      section: 'queuePage',
      name: 'page of 20, DynamoDB calls at 100,000',
      value: queue.largeCalls,
      unit: `calls (${queue.smallCalls} at 1,000)`,
      goal: `= ${queue.smallCalls}`,
      ok: queue.largeCalls === queue.smallCalls,
    });
  } finally {
    await stack.stop();
  }

  results.goals = goals;
  results.minutes = (Date.now() - started) / 60_000;
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const table = printGoals(goals);
  await updateReadme(table, results.machine as ReturnType<typeof machine>);
  return goals.every((goal) => goal.ok) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
