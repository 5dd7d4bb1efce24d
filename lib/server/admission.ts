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
  };
}

type Waiter = { res: ServerResponse; start: () => void; timer: NodeJS.Timeout; done: boolean };

export type AdmissionStats = { inFlight: number; queued: number; admitted: number; refused: number; abandoned: number };

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
    while (inFlight < options.maxInFlight && queue.length > 0) {
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
    if (inFlight < options.maxInFlight && queue.length === 0) return start(res, run);
    const predictedWait = serviceMs * ((queue.length + 1) / options.maxInFlight);
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
    stats: (): AdmissionStats => ({ inFlight, queued: queue.length, ...stats }),
  };
}
