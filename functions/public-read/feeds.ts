/** The feeds of the newest corrections: Atom 1.0 and JSON Feed 1.1, from the same entries. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { atomContentType, atomFeed } from '../../shared/feeds/atom.ts';
import { type FeedContext, feedSize } from '../../shared/feeds/feed-entry.ts';
import { jsonFeed, jsonFeedContentType } from '../../shared/feeds/json-feed.ts';
import { publicResponse, siteOf } from '../../shared/http/public-site.ts';
import { latestCorrections } from '../../shared/usecases/latest-corrections.ts';
import type { PublicCorrection } from '../../shared/usecases/read-corrections.ts';
import { listTopics } from '../../shared/usecases/topics.ts';
import { services } from './services.ts';

async function feedContent(): Promise<{ corrections: PublicCorrection[]; context: FeedContext }> {
  const deps = await services();
  const [corrections, topics, logHead] = await Promise.all([
    latestCorrections(deps.correctionLists, feedSize),
    listTopics(deps.topics),
    deps.log.head(),
  ]);
  return {
    corrections,
    context: { site: siteOf(deps), topics, language: 'zh-CN', now: deps.clock.now(), logHead },
  };
}

export function feedRoutes(app: Router): void {
  app.get('/corrections/feed.atom', async () => {
    const { corrections, context } = await feedContent();
    return publicResponse(200, atomFeed(corrections, context), atomContentType);
  });

  app.get('/corrections/feed.json', async () => {
    const { corrections, context } = await feedContent();
    return publicResponse(200, JSON.stringify(jsonFeed(corrections, context)), jsonFeedContentType);
  });
}
