/**
 * Memory: the heap after 10,000 reports to the public writing function in one process, against the heap after
 * a warm-up, both after a full garbage collection. What leaks per request shows as growth.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LocalStack } from '../local/stack.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface HeapFigures {
  requests: number;
  growthMiB: number;
}

const settledHeap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

export async function measureHeap(stack: LocalStack, requests = 10_000): Promise<HeapFigures> {
  const paths = ['/', '/corrections', '/corrections/feed.atom', '/corrections/feed.json', '/topics'];
  let n = 0;
  const one = async () => {
    const i = n++;
    const response =
      i % 10 === 0
        ? await fetch(`${stack.url}/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: `内存测试 ${i}`, url: `https://news.example.com/heap-${i}` }),
          })
        : await fetch(`${stack.url}${paths[i % paths.length]}`);
    await response.arrayBuffer();
  };
  const run = async (count: number) => {
    for (let done = 0; done < count; done += 10) await Promise.all(Array.from({ length: 10 }, one));
  };
  await run(1_000);
  const before = settledHeap();
  await run(requests);
  return { requests, growthMiB: (settledHeap() - before) / 1024 / 1024 };
}
