// The burst load of `bench:reading`: `connections` keep-alive connections, each sending one request
// after the other for `duration` s, timing each response from the moment its request was written.
// Written on raw sockets with a minimal HTTP/1.1 response reader (status, content-length or chunked
// body skipped, Retry-After), because the load generator shares this 2-core machine with the
// server: node:http's client cost ~110 µs a response, so that with a do-nothing server the burst's
// own client queueing alone put p99 above 100 ms (measured: p50 45 ms, p99 118 ms). This reader
// costs a fraction of that, so the figures are the server's.
import { connect, type Socket } from "node:net";

export type BurstStats = { requests: number; ok: number; refused: number; refusedWithoutRetryAfter: number; other: number; errors: number; okP99: number; refusedP99: number; refusedMax: number };

type Target = { path: string; headers: Record<string, string> };

const crlfcrlf = Buffer.from("\r\n\r\n");

/** Reads HTTP/1.1 responses off one socket; calls `done(status, retryAfter)` after each whole response. */
function responseReader(done: (status: number, hasRetryAfter: boolean) => void) {
  let buffer: Buffer = Buffer.alloc(0);
  // state: headers | body (remaining bytes) | chunk-size | chunk-data (remaining incl. CRLF) | trailer
  let state: "headers" | "body" | "chunkSize" | "chunkData" | "trailer" = "headers";
  let remaining = 0;
  let status = 0;
  let retryAfter = false;
  return (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (state === "headers") {
        const end = buffer.indexOf(crlfcrlf);
        if (end < 0) return;
        const head = buffer.toString("latin1", 0, end);
        buffer = buffer.subarray(end + 4);
        status = Number(head.slice(9, 12));
        retryAfter = /\r\nretry-after:/i.test(head);
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        if (length) {
          remaining = Number(length[1]);
          state = "body";
        } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) state = "chunkSize";
        else {
          remaining = 0;
          state = "body";
        }
      }
      if (state === "body") {
        const take = Math.min(remaining, buffer.length);
        remaining -= take;
        buffer = buffer.subarray(take);
        if (remaining > 0) return;
        state = "headers";
        done(status, retryAfter);
        continue;
      }
      if (state === "chunkSize") {
        const end = buffer.indexOf("\r\n");
        if (end < 0) return;
        const size = parseInt(buffer.toString("latin1", 0, end), 16);
        buffer = buffer.subarray(end + 2);
        if (size === 0) state = "trailer";
        else {
          remaining = size + 2;
          state = "chunkData";
        }
        continue;
      }
      if (state === "chunkData") {
        const take = Math.min(remaining, buffer.length);
        remaining -= take;
        buffer = buffer.subarray(take);
        if (remaining > 0) return;
        state = "chunkSize";
        continue;
      }
      // trailer: lines until an empty one
      const end = buffer.indexOf("\r\n");
      if (end < 0) return;
      const empty = end === 0;
      buffer = buffer.subarray(end + 2);
      if (empty) {
        state = "headers";
        done(status, retryAfter);
      }
    }
  };
}

/**
 * `connections` loops on `port` (127.0.0.1) for `duration` s; loop i requests `target(i)`.
 * 200 counts as ok, 503/429 as refused (with or without Retry-After), anything else as other; a
 * connection lost mid-response counts as an error and is reopened. Latencies in ms.
 */
export async function burst(port: number, target: (i: number) => Target, connections: number, duration: number): Promise<BurstStats> {
  const okTimes: number[] = [];
  const refusedTimes: number[] = [];
  const s = { requests: 0, ok: 0, refused: 0, refusedWithoutRetryAfter: 0, other: 0, errors: 0 };
  const until = Date.now() + duration * 1000;
  const loop = (i: number) =>
    new Promise<void>((resolve) => {
      const t = target(i);
      const request = Buffer.from(`GET ${t.path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${Object.entries(t.headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`, "latin1");
      let socket: Socket;
      let sentAt = 0;
      let waiting = false;
      const send = () => {
        if (Date.now() >= until) {
          socket.end();
          resolve();
          return;
        }
        waiting = true;
        sentAt = performance.now();
        socket.write(request);
      };
      const open = () => {
        socket = connect({ port, host: "127.0.0.1", noDelay: true });
        socket.on("connect", send);
        socket.on("data", responseReader((status, hasRetryAfter) => {
          const ms = performance.now() - sentAt;
          waiting = false;
          s.requests++;
          if (status === 200) {
            s.ok++;
            okTimes.push(ms);
          } else if (status === 503 || status === 429) {
            s.refused++;
            refusedTimes.push(ms);
            if (!hasRetryAfter) s.refusedWithoutRetryAfter++;
          } else s.other++;
          send();
        }));
        socket.on("error", () => undefined);
        socket.on("close", () => {
          if (!waiting) return;
          s.requests++;
          s.errors++;
          if (Date.now() < until) open();
          else resolve();
        });
      };
      open();
    });
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const p99 = (xs: number[]) => (xs.length ? Math.round(xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!) : 0);
  return { ...s, okP99: p99(okTimes), refusedP99: p99(refusedTimes), refusedMax: Math.round(refusedTimes.reduce((a, b) => Math.max(a, b), 0)) };
}
