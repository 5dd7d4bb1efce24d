#!/usr/bin/env node
// Offline stand-in for Prisma's native schema engine.
//
// The Prisma CLI normally downloads a native `schema-engine` binary; that download is not possible
// here. This script speaks the same protocol (command-line flags, then JSON-RPC one message per line
// on stdin/stdout, JSON log lines on stderr) and does the work with the published WebAssembly build of
// the engine (@prisma/schema-engine-wasm), reaching PostgreSQL through @prisma/adapter-pg.
// lib/cli/prisma.mjs points PRISMA_SCHEMA_ENGINE_BINARY at this file.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Logging: the CLI reads stderr as JSON lines shaped like the native engine's tracing output.
function log(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, target: "schema_engine::logger", fields: { message, ...extra } }) + "\n",
  );
}

// ---------------------------------------------------------------------------------------------
// Arguments: --datamodels PATH (repeatable), --datasource JSON, [cli <command>]
function parseArgs(argv) {
  const parsed = { datamodels: [], datasource: undefined, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") parsed.datamodels.push(argv[++i]);
    else if (arg === "--datasource") parsed.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") parsed.cliCommand = argv[++i];
    else if (arg === "--version" || arg === "-V") parsed.cliCommand = "version";
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Database access.
//
// adapter-pg refuses columns of PostgreSQL's internal one-byte "char" type (OID 18), which the
// engine meets in catalog queries during introspection; pg already returns them as strings, so the
// patched client reports them as text (OID 25).
const CHAR_OID = 18;
const TEXT_OID = 25;
function reportCharAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}
class CharAsTextClient extends pg.Client {
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (error, result) => callback(error, error ? result : reportCharAsText(result));
    } else if (args[0] && typeof args[0] === "object" && typeof args[0].callback === "function") {
      const callback = args[0].callback;
      args[0].callback = (error, result) => callback(error, error ? result : reportCharAsText(result));
    }
    const out = super.query(...args);
    return out && typeof out.then === "function" ? out.then(reportCharAsText) : out;
  }
}

function poolConfig(connectionString) {
  return { connectionString, Client: CharAsTextClient, max: 2 };
}

function withDatabase(connectionString, database) {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function databaseName(connectionString) {
  return decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, "")) || "postgres";
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * adapter-pg runs a migration script by splitting it at every ";", which cuts function bodies
 * ($$ … $$, e.g. the job queue's schema) apart. A script with dollar quotes goes to the server whole,
 * as one simple query (one implicit transaction), as Prisma's native engine sends every script.
 */
function wholeScripts(connection) {
  const split = connection.executeScript.bind(connection);
  connection.executeScript = async (script) => {
    if (!script.includes("$$")) return split(script);
    try {
      await connection.client.query(script);
    } catch (error) {
      connection.onError(error);
    }
  };
  return connection;
}

/**
 * The adapter factory the wasm engine uses. Shadow databases are built here rather than by
 * adapter-pg: adapter-pg ignores the database name when a connection string is given, and drops the
 * shadow database while its own pool still holds connections to it.
 */
function adapterFactory(url, shadowDatabaseUrl) {
  const main = new PrismaPg(poolConfig(url));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => wholeScripts(await main.connect()),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return wholeScripts(await new PrismaPg(poolConfig(shadowDatabaseUrl)).connect());
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      const shadow = wholeScripts(await new PrismaPg(poolConfig(withDatabase(url, name))).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
          await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        } finally {
          await admin.end();
        }
      };
      return shadow;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The wasm engine: wasm-bindgen "bundler" output, instantiated by hand.
let lastPanic = null;
let instances = 0;
async function loadWasmEngine() {
  // The engine reports Rust panics through this global before throwing.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message) {
      lastPanic = message;
      log("ERROR", `schema engine panicked: ${message}`);
    },
  };
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  // Each instance gets its own copy of the bindings module (its caches point into one wasm memory).
  const bindings = await import(`${pathToFileURL(bgPath).href}?instance=${++instances}`);
  const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bindings;
}

// Commands such as `migrate diff` start the engine without a schema; the engine still needs one to
// pick its connector.
const fallbackDatamodel = ["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n'];

async function readDatamodels(paths) {
  if (paths.length === 0) return [fallbackDatamodel];
  return Promise.all(paths.map(async (file) => [file, await readFile(file, "utf8")]));
}

// ---------------------------------------------------------------------------------------------
// Connection checks used by the CLI before migrating: `cli can-connect-to-database` etc.
const errorCodes = { "3D000": "P1003", "28P01": "P1000", "28000": "P1010", "42P04": "P1009" };

function failCli(error, url) {
  const code = errorCodes[error?.code] ?? (error?.code === "ECONNREFUSED" || error?.code === "ENOTFOUND" ? "P1001" : "P1000");
  const message =
    code === "P1003"
      ? `Database \`${databaseName(url)}\` does not exist`
      : code === "P1001"
        ? `Can't reach database server at \`${new URL(url).host}\``
        : String(error?.message ?? error);
  // The CLI skips the first stderr line and parses the rest as JSON.
  process.stderr.write("schema-engine (wasm shim)\n");
  process.stderr.write(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: code, message } }));
  process.exit(1);
}

async function runCliCommand(command, url) {
  if (command === "version") {
    const { version } = await loadWasmEngine();
    process.stdout.write(`schema-engine-wasm ${version()}\n`);
    return;
  }
  if (!url) failCli(new Error("No datasource URL was given."), "postgresql://localhost/");
  if (command === "can-connect-to-database") {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
    } catch (error) {
      failCli(error, url);
    } finally {
      await client.end().catch(() => {});
    }
    log("INFO", "Database is reachable");
    return;
  }
  if (command === "create-database") {
    const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
    try {
      await client.connect();
      await client.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`);
    } catch (error) {
      if (error?.code !== "42P04") failCli(error, url);
    } finally {
      await client.end().catch(() => {});
    }
    log("INFO", `Database ${databaseName(url)} created`);
    return;
  }
  if (command === "drop-database") {
    const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`);
    } catch (error) {
      failCli(error, url);
    } finally {
      await client.end().catch(() => {});
    }
    return;
  }
  failCli(new Error(`Unsupported command: ${command}`), url);
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server on stdin/stdout.
function toRpcError(error) {
  if (lastPanic) {
    const message = lastPanic;
    lastPanic = null;
    return { code: 4466, message: "The schema engine panicked.", data: { is_panic: true, message, error: { message } } };
  }
  // Errors from the wasm engine carry a JSON description of a user-facing error when there is one.
  let data = { is_panic: false, message: String(error?.message ?? error), meta: null };
  try {
    const parsed = JSON.parse(error?.message ?? "");
    if (parsed && typeof parsed === "object") data = { is_panic: false, ...parsed };
  } catch {
    /* plain message */
  }
  if (error?.cause?.kind || error?.cause?.originalMessage) data.message = `${data.message}\n${error.cause.originalMessage ?? ""}`.trim();
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

async function serve({ datamodels, datasource }) {
  const url = datasource?.url;
  if (!url) throw new Error("The schema engine needs --datasource with a url.");
  const shadowDatabaseUrl = datasource?.shadowDatabaseUrl ?? datasource?.shadow_database_url;
  const files = await readDatamodels(datamodels);
  const createEngine = async () => {
    const { SchemaEngine } = await loadWasmEngine();
    return SchemaEngine.new(
      { datamodels: files },
      (line) => process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`),
      bindMigrationAwareSqlAdapterFactory(adapterFactory(url, shadowDatabaseUrl)),
    );
  };
  const engine = await createEngine();

  let nextOwnId = 1_000_000;
  const pendingOwn = new Map();
  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  // Ask the CLI to print something (the native engine prints `migrate diff` scripts this way).
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextOwnId++;
      pendingOwn.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const handlers = {
    async diff(params) {
      const result = await engine.diff(params);
      if (result.stdout != null) {
        await print(result.stdout.replace(/\n$/, ""));
        return { exitCode: result.exitCode };
      }
      return result;
    },
    getDatabaseVersion: (params) => engine.version(params),
    version: (params) => engine.version(params),
  };

  const queue = [];
  let busy = false;
  async function drain() {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const request = queue.shift();
      try {
        const handler =
          handlers[request.method] ?? (typeof engine[request.method] === "function" ? (p) => engine[request.method](p ?? {}) : null);
        if (!handler) {
          send({ jsonrpc: "2.0", id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
          continue;
        }
        const result = await handler(request.params);
        send({ jsonrpc: "2.0", id: request.id, result: result ?? null });
      } catch (error) {
        log("ERROR", String(error?.message ?? error));
        send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error) });
      }
    }
    busy = false;
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log("ERROR", `Could not parse request: ${line.slice(0, 200)}`);
      return;
    }
    if (message.method === undefined && pendingOwn.has(message.id)) {
      pendingOwn.get(message.id)();
      pendingOwn.delete(message.id);
      return;
    }
    queue.push(message);
    void drain();
  });
  lines.on("close", async () => {
    while (busy || queue.length) await new Promise((r) => setTimeout(r, 10));
    try {
      engine.free();
    } catch {
      /* already gone */
    }
    process.exit(0);
  });
}

// A Rust panic inside the engine surfaces as an uncaught error; exit the way the native engine does.
process.on("uncaughtException", (error) => {
  log("ERROR", lastPanic ? `schema engine panicked: ${lastPanic}` : String(error?.stack ?? error));
  process.exit(101);
});

const args = parseArgs(process.argv.slice(2));
if (process.env.PARLEY_ENGINE_DEBUG) (await import("node:fs")).appendFileSync("/tmp/engine-argv.log", JSON.stringify(process.argv.slice(2)) + "\n");
try {
  if (args.cliCommand) {
    await runCliCommand(args.cliCommand, args.datasource?.url);
    process.exit(0);
  } else {
    await serve(args);
  }
} catch (error) {
  log("ERROR", String(error?.stack ?? error));
  process.exit(1);
}
