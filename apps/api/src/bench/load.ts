/**
 * HTTP load with autocannon (a devDependency of the API for this purpose only: the Fastify
 * team's load generator, which keeps N keep-alive connections busy and reports requests/second
 * and a latency histogram; no other Node tool in the workspace does that).
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  durationS: number;
  connections: number;
  /** Seconds of load before measuring (JIT, pools, caches); not reported. */
  warmupS: number;
}

export interface LoadResult {
  /**
   * 'load': autocannon with N connections; 'sequential': one request at a time (a query too
   * slow to load the machine with without spoiling the next measurement).
   */
  mode: 'load' | 'sequential';
  /** Mean requests per second over the run. */
  rps: number;
  /** Latency in ms. */
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses other than 2xx (e.g. 429 from the rate limit, 4xx from a bad query). */
  non2xx: number;
}

/**
 * The API rate-limits per client address; every request comes from 127.0.0.1, so the load
 * spreads over 256 forwarded addresses (X-Forwarded-For is trusted from loopback).
 */
let forwarded = 0;
const forwardedFor = () => `10.99.0.${forwarded++ & 255}`;

function run(origin: string, path: string, durationS: number, connections: number) {
  return autocannon({
    url: origin,
    connections,
    duration: durationS,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        path,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-forwarded-for': forwardedFor() },
        }),
      },
    ],
  });
}

export async function measure(
  origin: string,
  path: string,
  options: LoadOptions,
): Promise<LoadResult> {
  if (options.warmupS > 0) await run(origin, path, options.warmupS, options.connections);
  const result = await run(origin, path, options.durationS, options.connections);
  return {
    mode: 'load',
    rps: result.requests.average,
    mean: result.latency.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** One GET, parsed; throws with the body on a non-2xx status. */
export async function getJson<T>(origin: string, path: string): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    headers: { 'x-forwarded-for': forwardedFor() },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Latencies (ms) of `count` requests made one after the other. */
export async function timeRequests(origin: string, path: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await getJson(origin, path);
    times.push(performance.now() - started);
  }
  return times;
}

/** Requests slower than this are timed one at a time instead of loaded. */
export const SLOW_REQUEST_MS = 1500;
const SEQUENTIAL_REQUESTS = 3;

/**
 * A probe request first: when it is slower than SLOW_REQUEST_MS (or the load completes fewer
 * than three requests), three sequential requests (requests/second then means one
 * connection's); otherwise the load.
 */
export async function measureAdaptive(
  origin: string,
  path: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const [probe] = await timeRequests(origin, path, 1);
  const loaded = probe! > SLOW_REQUEST_MS ? undefined : await measure(origin, path, options);
  // Too few completed under load to say anything: time it one request at a time instead.
  if (loaded && loaded.requests >= SEQUENTIAL_REQUESTS) return loaded;
  return measureSequential(origin, path);
}

/** Three requests one after the other (requests/second of one connection). */
export async function measureSequential(origin: string, path: string): Promise<LoadResult> {
  const times = (await timeRequests(origin, path, SEQUENTIAL_REQUESTS)).sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    mode: 'sequential',
    rps: 1000 / mean,
    mean,
    p50: times[Math.floor(times.length / 2)]!,
    p90: times.at(-1)!,
    p99: times.at(-1)!,
    max: times.at(-1)!,
    requests: times.length,
    errors: 0,
    non2xx: 0,
  };
}

/** The better (more requests/second) of two results. */
export const best = (a: LoadResult | undefined, b: LoadResult): LoadResult =>
  a && a.rps >= b.rps ? a : b;
