/** GET /console: the editors' web console, one self-contained page; it calls the /admin API itself. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { consoleContentSecurityPolicy, consolePage, consoleSettings } from '../../shared/console/page.ts';
import type { ConsoleSettings } from '../../shared/console/settings.ts';
import { htmlContentType } from '../../shared/pages/layout.ts';
import { readConfig } from '../../shared/runtime/config.ts';

let settings: ConsoleSettings | undefined;

export function consoleRoutes(app: Router): void {
  app.get('/console', async () => {
    // Read on the first request, not at import: a cold start of the public function only loads code.
    settings ??= consoleSettings(readConfig());
    return new Response(consolePage(settings), {
      status: 200,
      headers: {
        'content-type': htmlContentType,
        'content-security-policy': consoleContentSecurityPolicy(settings),
        // The address may carry a one-time sign-in code: it goes nowhere else, and no copy is kept.
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
      },
    });
  });
}
