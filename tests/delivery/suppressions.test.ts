import { beforeAll, describe, expect, it } from 'vitest';
import { suppressionsFromSes } from '../../shared/adapters/ses/suppression-events.ts';
import { PermissionDenied } from '../../shared/domain/errors.ts';
import { importOptOuts } from '../../shared/usecases/import-opt-outs.ts';
import { listSuppressions } from '../../shared/usecases/list-suppressions.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { suppressAddress } from '../../shared/usecases/suppress-address.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { editor, publish } from '../support/flows.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

const admin = { id: 'admin-1', roles: ['admin' as const] };

/** What the suppressor does with one queued SES event. */
async function suppressor(body: string) {
  for (const { recipient, reason } of suppressionsFromSes(body))
    await suppressAddress(desk, recipient, reason);
}

const bounce = (address: string, bounceType = 'Permanent') =>
  JSON.stringify({
    eventType: 'Bounce',
    mail: { destination: [address] },
    bounce: { bounceType, bouncedRecipients: [{ emailAddress: address }] },
  });

describe('suppressions', () => {
  it('a hard bounce or a complaint suppresses the address and ends its subscription; a soft bounce does not', async () => {
    const bounced = await activeSubscriber(desk, 'bounced@example.org', ['personnel']);
    const complained = await activeSubscriber(desk, 'complained@example.org', ['personnel']);
    const soft = await activeSubscriber(desk, 'full-mailbox@example.org', ['personnel']);
    await suppressor(bounce('bounced@example.org'));
    desk.clock.advance(1);
    // As SNS delivers it without raw delivery: the envelope around the SES event.
    await suppressor(
      JSON.stringify({
        Type: 'Notification',
        Message: JSON.stringify({
          notificationType: 'Complaint',
          complaint: { complainedRecipients: [{ emailAddress: 'Complained@example.org' }] },
        }),
      }),
    );
    await suppressor(bounce('full-mailbox@example.org', 'Transient'));
    await suppressor('not json');

    expect(await desk.subscriptions.get(bounced)).toMatchObject({
      status: 'unsubscribed',
      endedBy: 'bounce',
    });
    expect(await desk.subscriptions.get(complained)).toMatchObject({
      status: 'unsubscribed',
      endedBy: 'complaint',
    });
    expect((await desk.subscriptions.get(soft))?.status).toBe('active');

    const first = await listSuppressions(desk.suppressionList, admin, { limit: 1 });
    expect(first.items).toEqual([
      { channel: 'email', maskedAddress: 'c***@example.org', reason: 'complaint', at: expect.any(String) },
    ]);
    const second = await listSuppressions(desk.suppressionList, admin, {
      limit: 1,
      cursor: first.nextCursor ?? '',
    });
    expect(second.items.map((s) => [s.maskedAddress, s.reason])).toEqual([['b***@example.org', 'bounce']]);
    expect(JSON.stringify([first, second])).not.toContain('bounced@');
    await expect(listSuppressions(desk.suppressionList, editor, { limit: 20 })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    // A second event for the same address changes nothing.
    expect(
      (await suppressAddress(desk, { channel: 'email', address: 'bounced@example.org' }, 'complaint'))
        .suppressed,
    ).toBe(false);
  });

  it('a suppressed address gets nothing and is counted as suppressed; an SMS opt-out at sending suppresses it', async () => {
    const topic = 'fire-prevention';
    const emailId = await activeSubscriber(desk, 'later-bounced@example.org', [topic]);
    const smsId = await activeSubscriber(desk, '+8613800138555', [topic]);
    const reported = await submitReport(desk, {
      text: '报告',
      topic,
      contact: { email: 'reporter-gone@example.org' },
    });
    const published = await publish(desk, reported.caseId);
    const correctionId = published.correctionId ?? '';
    await desk.suppressions.suppress({
      channel: 'email',
      addressHash: (await desk.subscriptions.get(emailId))?.addressHash ?? '',
      maskedAddress: 'l***@example.org',
      reason: 'bounce',
      at: desk.clock.now(),
    });
    await suppressAddress(desk, { channel: 'email', address: 'reporter-gone@example.org' }, 'complaint');

    const before = (await desk.outbox.read()).length;
    const job = {
      kind: 'correction' as const,
      channel: 'email' as const,
      correctionId,
      version: 1,
      subscriptionId: emailId,
    };
    expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'nobody-to-send-to' });
    // Redelivered: counted once.
    expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'nobody-to-send-to' });
    const reply = {
      kind: 'reply' as const,
      channel: 'email' as const,
      caseId: reported.caseId,
      submissionId: reported.submissionId,
      outcome: 'published' as const,
      correctionId,
      version: 1,
    };
    expect(await sendDelivery(desk, reply)).toMatchObject({ outcome: 'nobody-to-send-to' });

    // SNS answers OptedOutException for a number that replied STOP.
    const optedOut = Object.assign(new Error('Phone number is opted out'), { name: 'OptedOutException' });
    const refusing = { ...desk, sms: { send: async () => Promise.reject(optedOut) } };
    const smsJob = {
      kind: 'correction' as const,
      channel: 'sms' as const,
      correctionId,
      version: 1,
      subscriptionId: smsId,
    };
    expect(await sendDelivery(refusing, smsJob)).toMatchObject({ outcome: 'nobody-to-send-to' });
    expect(await desk.subscriptions.get(smsId)).toMatchObject({ status: 'unsubscribed', endedBy: 'opt_out' });
    expect(await desk.suppressions.isSuppressed({ channel: 'sms', address: '+8613800138555' })).toBe(true);

    expect((await desk.outbox.read()).length).toBe(before);
    const counts = await desk.deliveryProgress.counts(correctionId, 1);
    // The follower and the reporter, each once.
    expect(counts.email.suppressed).toBe(2);
    expect(counts.sms.suppressed).toBe(1);
    expect(counts.email.sent + counts.sms.sent).toBe(0);
  });

  it("imports SNS's opted-out numbers a bounded number of pages at a time, from where it left off", async () => {
    const smsId = await activeSubscriber(desk, '+8613800138777', ['personnel']);
    const pages: Record<string, { numbers: string[]; next?: string }> = {
      first: { numbers: ['+8613800138777', '+8613800138778'], next: 'p2' },
      p2: { numbers: ['+8613800138779'] },
    };
    const asked: Array<string | undefined> = [];
    let place: string | undefined;
    const deps = {
      ...desk,
      optOuts: {
        page: async (token?: string) => {
          asked.push(token);
          return pages[token ?? 'first'] ?? { numbers: [] };
        },
      },
      optOutPlace: {
        read: async () => place,
        write: async (token: string | undefined) => {
          place = token;
        },
      },
    };
    expect(await importOptOuts(deps, 1)).toEqual({ pages: 1, suppressed: 2, finished: false });
    expect(await importOptOuts(deps, 1)).toEqual({ pages: 1, suppressed: 1, finished: true });
    expect(asked).toEqual([undefined, 'p2']);
    expect(await desk.subscriptions.get(smsId)).toMatchObject({ status: 'unsubscribed', endedBy: 'opt_out' });
    // The next round starts again from the top and finds nobody new.
    expect(await importOptOuts(deps, 5)).toEqual({ pages: 2, suppressed: 0, finished: true });
  });
});
