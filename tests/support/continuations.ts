/**
 * Continuations run as the deployed planner runs them, on queues of the test's own: the closed case's
 * stream record starts one (onCaseClosed, as the notifier does), and `drain` runs every step the plan
 * queue holds until none is left; the reply jobs they queue wait on a send queue of their own.
 */
import type { SQSRecord } from 'aws-lambda';
import { SqsContinuationQueue } from '../../shared/adapters/sqs/continuation-queue.ts';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { Case } from '../../shared/domain/case.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import type { ContinuationStep } from '../../shared/ports/continuations.ts';
import { runContinuation } from '../../shared/usecases/continuation-kinds.ts';
import { onCaseClosed } from '../../shared/usecases/notify.ts';
import type { TestDesk } from './desk.ts';
import { testQueue } from './queues.ts';

export async function continuations(desk: TestDesk) {
  // A step may take seconds: it must not come back while it runs.
  const plan = await testQueue(desk.sqs, { visibilityTimeoutSeconds: 600 });
  const send = await testQueue(desk.sqs, { visibilityTimeoutSeconds: 600 });
  const deps = {
    ...desk,
    continuationQueue: new SqsContinuationQueue(desk.sqs, plan.url),
    queues: new SqsDeliveryQueues(desk.sqs, { email: send.url, sms: send.url }, plan.url),
  };

  /** Every message on a queue now; received, they stay out of sight for longer than any test. */
  const take = async (queue: typeof plan): Promise<SQSRecord[]> => {
    const taken: SQSRecord[] = [];
    for (let records = await queue.receive(); records.length; records = await queue.receive())
      taken.push(...records);
    return taken;
  };

  /** Runs the steps on the plan queue, and the steps they hand on, until none is left. */
  const drain = async (): Promise<ContinuationStep[]> => {
    const ran: ContinuationStep[] = [];
    for (let records = await plan.receive(); records.length; records = await plan.receive()) {
      for (const record of records) {
        const step = JSON.parse(record.body) as ContinuationStep;
        await runContinuation(deps, step);
        await plan.remove(record);
        ran.push(step);
      }
    }
    return ran;
  };

  return {
    deps,
    plan,
    send,
    drain,
    /** What the notifier does with the closed case's stream record, then every step it leads to. */
    async closed(caseId: string): Promise<ContinuationStep[]> {
      const closed = (await desk.cases.get(caseId)) as Case;
      if (closed.status !== 'closed') throw new Error(`Case ${caseId} is ${closed.status}`);
      await onCaseClosed(deps, closed);
      return drain();
    },
    /** The send jobs queued so far, taken from the send queue. */
    async jobs(): Promise<DeliveryJob[]> {
      return (await take(send)).map((record) => JSON.parse(record.body) as DeliveryJob);
    },
    /** The steps waiting on the plan queue, taken from it without running them. */
    waiting: async (): Promise<ContinuationStep[]> =>
      (await take(plan)).map((record) => JSON.parse(record.body) as ContinuationStep),
  };
}
