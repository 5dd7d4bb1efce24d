// Admission control for the HTTP server entry (lib/server/serve.ts): a bound on the work in flight,
// a short queue with a deadline, and a fast 503 + Retry-After for the excess, so a burst costs the
// process a bounded amount of memory and the requests it does admit keep their latency budget.
import type { IncomingMessage, ServerResponse } from "node:http";

export type AdmissionOptions = {
  /** Requests worked on at once (rendering, route handlers, actions). */
  maxInFlight: number;
  /** Requests allowed to wait for a slot; beyond this the excess is refused at once. */
  maxQueue: number;
  /** Longest wait in the queue, ms: a request not started by then is refused (503). */
  queueTimeoutMs: number;
  /** Seconds put in `Retry-After` on a refusal. */
  retryAfterSeconds: number;
  /**
   * Event-loop delay, ms, above which the gate admits less (0 turns adaptation off). Work in flight
   * shares one thread: CPU-heavy renders make every other request, refusals included, wait their
   * turn, while requests waiting on the database do not. So the bound on work in flight adapts to
   * the delay it causes: halved (down to `minInFlight`) while the gate is full and the worst delay
   * of two 100 ms windows running exceeds this target, raised by one per window in which the delay
   * stays within it.
   */
  targetLagMs?: number; // default 50 ms: what browsers count as a "long task" (the RAIL budget)
  /** The least the adaptive bound goes down to. */
  minInFlight?: number;
};

/** Reads the options from the environment (ADMISSION_*), with defaults sized for a 2-core machine. */
export function admissionOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AdmissionOptions {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}")`);
    return value;
  };
  return {
    maxInFlight: int("ADMISSION_MAX_IN_FLIGHT", 16, 1),
    maxQueue: int("ADMISSION_MAX_QUEUE", 64, 0),
    queueTimeoutMs: int("ADMISSION_QUEUE_TIMEOUT_MS", 50, 1),
    retryAfterSeconds: int("ADMISSION_RETRY_AFTER_SECONDS", 1, 1),
    targetLagMs: int("ADMISSION_TARGET_LAG_MS", 50, 0),
    minInFlight: int("ADMISSION_MIN_IN_FLIGHT", 4, 1),
  };
}

type Waiter = { res: ServerResponse; start: () => void; timer: NodeJS.Timeout; done: boolean };

export type AdmissionStats = { inFlight: number; limit: number; lagMs: number; queued: number; admitted: number; refused: number; abandoned: number };

/** How often (ms) the event-loop delay is read and the bound adjusted. */
const adaptEveryMs = 100;

/**
 * The admission gate. `admit(req, res, run)` calls `run` now, later (from the queue) or never: a
 * refused request gets 503 with `Retry-After` and a small body (JSON under /api/, text otherwise).
 * A queued request whose client closes the connection is dropped without being started. A slot is
 * released when the response closes (finished or connection gone).
 *
 * Beyond the queue bound, a request is also refused at once when the queue already holds more
 * work than the in-flight slots can start within `queueTimeoutMs`, judged from a moving average of
 * recent service times — waiting only to be refused at the deadline would waste the client's time.
 */
export function createAdmission(options: AdmissionOptions) {
  let inFlight = 0;
  // The bound in force: options.maxInFlight, or less while the event loop is late (see targetLagMs).
  let limit = options.maxInFlight;
  const target = options.targetLagMs ?? 0;
  const floor = Math.min(options.maxInFlight, options.minInFlight ?? 1);
  let lagMs = 0; // the worst event-loop delay of the last window (0 without adaptation)
  if (target > 0 && floor < options.maxInFlight) {
    // The delay is measured as a timer's lateness: each tick expects to run `adaptEveryMs / 4` after
    // the previous one; the worst lateness in a window is the longest any queued callback waited.
    const step = adaptEveryMs / 4;
    let expected = performance.now() + step;
    let worst = 0;
    let ticks = 0;
    let lateWindows = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - expected);
      expected = now + step;
      if (++ticks < 4) return;
      ticks = 0;
      // Late in two windows running (not one slow render or one garbage collection) while the gate
      // is full (overload, not a few cold renders of one reader's page): admit less. On time: a
      // little more, back to the configured bound within about a second once the burst is over.
      lateWindows = worst > target ? lateWindows + 1 : 0;
      if (lateWindows >= 2 && inFlight >= limit) limit = Math.max(floor, Math.floor(limit / 2));
      else if (worst <= target && limit < options.maxInFlight) limit++;
      lagMs = Math.round(worst);
      worst = 0;
      drain();
    }, step);
    timer.unref();
  }
  let serviceMs = 0; // exponentially weighted moving average of admitted requests' durations
  const queue: Waiter[] = [];
  const stats = { admitted: 0, refused: 0, abandoned: 0 };

  function start(res: ServerResponse, run: () => void) {
    inFlight++;
    stats.admitted++;
    const began = performance.now();
    res.once("close", () => {
      inFlight--;
      const took = performance.now() - began;
      serviceMs = serviceMs === 0 ? took : serviceMs * 0.9 + took * 0.1;
      drain();
    });
    run();
  }

  function drain() {
    while (inFlight < limit && queue.length > 0) {
      const next = queue.shift()!;
      if (next.done) continue;
      next.done = true;
      clearTimeout(next.timer);
      if (next.res.destroyed || next.res.socket?.destroyed) {
        stats.abandoned++;
        continue;
      }
      next.start();
    }
  }

  function remove(waiter: Waiter) {
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
  }

  function refuse(req: IncomingMessage, res: ServerResponse) {
    stats.refused++;
    if (res.headersSent || res.destroyed) return;
    const api = (req.url ?? "/").startsWith("/api/");
    const body = api
      ? JSON.stringify({ error: { code: "overloaded", message: `The server is busy. Retry in ${options.retryAfterSeconds} s.` } })
      : `The server is busy. Please retry in ${options.retryAfterSeconds} s.\n`;
    res.writeHead(503, {
      "content-type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
      "retry-after": String(options.retryAfterSeconds),
      "cache-control": "no-store",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  }

  function admit(req: IncomingMessage, res: ServerResponse, run: () => void): void {
    if (inFlight < limit && queue.length === 0) return start(res, run);
    const predictedWait = serviceMs * ((queue.length + 1) / limit);
    if (queue.length >= options.maxQueue || predictedWait > options.queueTimeoutMs) return refuse(req, res);
    const waiter: Waiter = {
      res,
      done: false,
      start: () => start(res, run),
      timer: setTimeout(() => {
        if (waiter.done) return;
        waiter.done = true;
        remove(waiter);
        refuse(req, res);
      }, options.queueTimeoutMs),
    };
    res.once("close", () => {
      if (waiter.done) return;
      waiter.done = true;
      clearTimeout(waiter.timer);
      remove(waiter);
      stats.abandoned++;
    });
    queue.push(waiter);
  }

  return {
    admit,
    /** Answers 503 + Retry-After now (e.g. a reader who waited too long for a shared render). */
    refuse,
    stats: (): AdmissionStats => ({ inFlight, limit, lagMs, queued: queue.length, ...stats }),
  };
}
