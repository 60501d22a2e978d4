/**
 * `npm run bench`: the desk's speed and memory goals, every figure a ratio or a count within one run on
 * this machine (never a timed test). Writes bench/results.json, prints the table, puts it in the
 * README's Performance section, and exits non-zero when a goal is missed.
 *
 * `npm run bench -- delivery heap` runs only those sections (for development): their figures and goals
 * replace theirs in results.json and the README table, the others' stay as they were.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { runningDesk } from '../tests/support/http.ts';
import { bundleGoalBytes, initGoalRatio, measureBundles } from './bundles.ts';
import { countingHandlers, deliveryEnvironment, deliveryRates, measureDelivery } from './delivery.ts';
import { measureHeap } from './heap.ts';
import { measureIntake } from './intake.ts';
import { startProviderDouble } from './provider-double.ts';
import { measurePublishLatency } from './publish-latency.ts';
import { measureQueuePage } from './queue-page.ts';
import { type Goal, machine, printGoals, resultsFile, updateReadme } from './report.ts';
import { measureSms } from './sms.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// One client makes every request here: the desk's per-client limit would measure itself.
process.env.CLIENT_REQUESTS_PER_MINUTE = '100000000';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

/** In the order they run; the ones after bundles share one local stack. */
const sections = ['sms', 'bundles', 'publishLatency', 'intake', 'heap', 'queuePage', 'delivery'] as const;
type Section = (typeof sections)[number];
/** Results keys each section writes (delivery writes two). */
const resultKeys: Record<Section, string[]> = {
  sms: ['sms'],
  bundles: ['bundles'],
  publishLatency: ['publishLatencyMs'],
  intake: ['intake'],
  heap: ['heap'],
  queuePage: ['queuePage'],
  delivery: ['delivery', 'preview', 'deliverySetup'],
};

/** `npm run bench` as a whole, on 2 cores. */
const wholeRunGoalMinutes = 20;

const log = (line: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`);

function chosenSections(args: string[]): Section[] {
  if (args.length === 0) return [...sections];
  const unknown = args.filter((arg) => !sections.includes(arg as Section));
  if (unknown.length)
    throw new Error(`Unknown bench section(s): ${unknown.join(', ')}. Sections: ${sections.join(', ')}`);
  return sections.filter((section) => args.includes(section));
}

async function main(): Promise<number> {
  const chosen = chosenSections(process.argv.slice(2));
  const whole = chosen.length === sections.length;
  const started = Date.now();
  const results: Record<string, unknown> = { machine: machine(), startedAt: new Date().toISOString() };
  const goals: Goal[] = [];
  const seconds: Partial<Record<Section, number>> = {};
  const timed = async <T>(section: Section, work: () => Promise<T> | T): Promise<T> => {
    const from = Date.now();
    log(`${section}…`);
    try {
      return await work();
    } finally {
      seconds[section] = Math.round((Date.now() - from) / 1000);
      log(`${section}: ${seconds[section]} s`);
    }
  };
  const runs = (section: Section) => chosen.includes(section);

  if (runs('sms')) {
    const sms = await timed('sms', measureSms);
    results.sms = sms;
    goals.push({
      section: 'sms',
      name: 'drafts in one segment',
      value: sms.oneSegment,
      unit: `of ${sms.corpus}`,
      goal: `= ${sms.corpus}`,
      ok: sms.oneSegment === sms.corpus,
    });
  }

  // Before anything else runs, so that nothing competes with the fresh processes for the CPU.
  if (runs('bundles')) {
    const bundles = await timed('bundles', measureBundles);
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
  }

  if (chosen.some((section) => !['sms', 'bundles'].includes(section))) {
    // One stack for the rest; its SES and SNS are the provider double, which only delivery uses.
    const double = await startProviderDouble(deliveryRates);
    const desk = await runningDesk({
      environment: deliveryEnvironment(double),
      handlers: countingHandlers,
      concurrentQueues: true,
      // As deployed, a job waiting for its tokens is not handed to a second sender meanwhile.
      queueVisibilityTimeoutSeconds: 60,
    });
    const { stack } = desk;
    try {
      if (runs('publishLatency')) {
        const latency = await timed('publishLatency', () => measurePublishLatency(desk));
        results.publishLatencyMs = { p50: latency.p50, p95: latency.p95 };
        goals.push({
          section: 'publishLatencyMs',
          name: `approval to event on SNS, p95 of ${latency.approvals}`,
          value: latency.p95,
          unit: `ms (p50 ${latency.p50.toFixed(0)})`,
          goal: '≤ 1500',
          ok: latency.p95 <= 1500,
        });
      }

      if (runs('intake')) {
        const intake = await timed('intake', () => measureIntake(stack));
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
      }

      if (runs('heap')) {
        const heap = await timed('heap', () => measureHeap(stack));
        results.heap = heap;
        goals.push({
          section: 'heap',
          name: `growth over ${heap.requests} public requests`,
          value: heap.growthMiB,
          unit: 'MiB',
          goal: '< 20',
          ok: heap.growthMiB < 20,
        });
      }

      if (runs('queuePage')) {
        const queue = await timed('queuePage', () => measureQueuePage(stack.endpoints.dynamoDb));
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
      }

      if (runs('delivery')) {
        const { delivery, preview, seeding } = await timed('delivery', () =>
          measureDelivery(desk, double, log),
        );
        results.delivery = delivery;
        results.preview = preview;
        results.deliverySetup = { rates: deliveryRates, seeding };
        goals.push(...deliveryGoals(delivery, preview));
      }
    } finally {
      await stack.stop();
      await double.close();
    }
  }

  results.sectionSeconds = seconds;
  results.minutes = (Date.now() - started) / 60_000;
  if (whole) {
    // The issue's bound on the whole run, stack start and stop included; each section's share beside it.
    const minutes = results.minutes as number;
    goals.push({
      section: 'bench',
      name: 'whole run',
      value: minutes,
      unit: `min (${Object.entries(seconds)
        .map(([section, s]) => `${section} ${s} s`)
        .join(', ')})`,
      goal: `≤ ${wholeRunGoalMinutes}`,
      ok: minutes <= wholeRunGoalMinutes,
      why: `The slowest section: ${Object.entries(seconds)
        .sort(([, a], [, b]) => b - a)
        .map(([section, s]) => `${section} (${s} s)`)
        .at(0)}.`,
    });
  }
  let written = results;
  let allGoals = goals;
  if (!whole) {
    // A partial run: the sections it ran replace theirs; the rest stay from the last run.
    const previous = await readFile(resultsFile, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, unknown>,
      () => ({}) as Record<string, unknown>,
    );
    const ranKeys = chosen.flatMap((section) => resultKeys[section]);
    const ranGoalSections = new Set(goals.map((goal) => goal.section).concat(ranKeys));
    allGoals = [
      ...((previous.goals as Goal[] | undefined) ?? []).filter((goal) => !ranGoalSections.has(goal.section)),
      ...goals,
    ];
    written = {
      ...previous,
      ...Object.fromEntries(Object.entries(results).filter(([key]) => ranKeys.includes(key))),
      machine: results.machine,
      sectionSeconds: { ...(previous.sectionSeconds as object | undefined), ...seconds },
    };
  }
  written.goals = allGoals;
  await writeFile(resultsFile, `${JSON.stringify(written, null, 2)}\n`);
  const table = printGoals(allGoals);
  await updateReadme(table, results.machine as ReturnType<typeof machine>);
  return goals.every((goal) => goal.ok) ? 0 : 1;
}

type Figures = Awaited<ReturnType<typeof measureDelivery>>;

/** The delivery issue's goals: everyone once, nothing parked, cost per subscriber and time flat. */
function deliveryGoals(delivery: Figures['delivery'], preview: Figures['preview']): Goal[] {
  const goals: Goal[] = [];
  const small = delivery[0];
  const large = delivery.at(-1);
  for (const d of delivery) {
    goals.push({
      section: 'delivery',
      name: `${d.subscribers.toLocaleString('en')}: delivered, each once, none parked`,
      value: d.delivered,
      unit: `(${d.duplicates} duplicates, ${d.parked} parked)`,
      goal: `= ${d.subscribers.toLocaleString('en')}, 0, 0`,
      ok: d.delivered === d.subscribers && d.duplicates === 0 && d.parked === 0,
      why: d.unfinished
        ? `${d.unfinished} deliveries were still pending when the bench stopped waiting.`
        : d.duplicates
          ? 'The provider double received a second copy for some subscribers.'
          : 'Some deliveries were parked (failed for real, or in the dead-letter queue).',
    });
    goals.push({
      section: 'delivery',
      name: `${d.subscribers.toLocaleString('en')}: time × audience ÷ rate`,
      value: d.ms / d.expectedMs,
      unit: `× (${(d.ms / 1000).toFixed(1)} / ${(d.expectedMs / 1000).toFixed(1)} s)`,
      goal: '≤ 1.3',
      ok: d.ms <= 1.3 * d.expectedMs,
      why: `The pipeline did not keep up with ${d.subscribers / (d.expectedMs / 1000)} sends a second: first message after ${(d.firstMessageMs / 1000).toFixed(1)} s, ${d.throttled} throttled, CPU per subscriber ${d.cpuMsPerSubscriber.desk.toFixed(1)} ms in the desk's process and ${d.cpuMsPerSubscriber.dynamoDbLocal.toFixed(1)} ms in DynamoDB Local.`,
    });
  }
  if (small && large && large !== small) {
    const scale = `${large.subscribers.toLocaleString('en')} ÷ ${small.subscribers.toLocaleString('en')}`;
    const finished = small.unfinished === 0 && large.unfinished === 0;
    goals.push({
      section: 'delivery',
      name: `DynamoDB calls per subscriber, ${scale}`,
      value: large.dynamoCallsPerSubscriber / small.dynamoCallsPerSubscriber,
      unit: `× (${large.dynamoCallsPerSubscriber.toFixed(2)} / ${small.dynamoCallsPerSubscriber.toFixed(2)})`,
      goal: '≤ 1.2',
      ok: finished && large.dynamoCallsPerSubscriber <= 1.2 * small.dynamoCallsPerSubscriber,
      why: finished
        ? 'Work per subscriber grew with the audience: retries (throttles, tokens, leases) or reads that page.'
        : 'A size did not finish delivering, so its work per subscriber is not comparable.',
    });
    goals.push({
      section: 'delivery',
      name: `SQS messages per subscriber, ${scale}`,
      value: large.sqsMessagesPerSubscriber / small.sqsMessagesPerSubscriber,
      unit: `× (${large.sqsMessagesPerSubscriber.toFixed(2)} / ${small.sqsMessagesPerSubscriber.toFixed(2)})`,
      goal: '≤ 1.2',
      ok: finished && large.sqsMessagesPerSubscriber <= 1.2 * small.sqsMessagesPerSubscriber,
      why: finished
        ? 'Send jobs came back more often per subscriber at scale (waiting for tokens, throttles or leases).'
        : 'A size did not finish delivering, so its messages per subscriber are not comparable.',
    });
  }
  const first = preview[0];
  const last = preview.at(-1);
  for (const p of preview) {
    goals.push({
      section: 'preview',
      name: `${p.subscribers.toLocaleString('en')}: audience counted`,
      value: p.counted,
      unit: 'subscribers',
      goal: `= ${p.subscribers.toLocaleString('en')}`,
      ok: p.counted === p.subscribers,
      why: 'The audience counters had not caught up with the stream, or count wrongly.',
    });
  }
  if (first && last && last !== first) {
    const scale = `${last.subscribers.toLocaleString('en')} ÷ ${first.subscribers.toLocaleString('en')}`;
    goals.push({
      section: 'preview',
      name: `DynamoDB calls, ${scale}`,
      value: last.calls / first.calls,
      unit: `× (${last.calls.toFixed(1)} / ${first.calls.toFixed(1)})`,
      goal: '≤ 1.5',
      ok: last.calls <= 1.5 * first.calls,
      why: 'The preview reads more as the audience grows: it is counting instead of reading counters.',
    });
    goals.push({
      section: 'preview',
      name: `median time, ${scale}`,
      value: last.ms / first.ms,
      unit: `× (${last.ms.toFixed(1)} / ${first.ms.toFixed(1)} ms)`,
      goal: '≤ 1.5',
      ok: last.ms <= 1.5 * first.ms,
      why: 'The preview takes longer as the audience grows.',
    });
  }
  return goals;
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
