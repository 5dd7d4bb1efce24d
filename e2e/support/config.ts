import path from "node:path";

// Ports are overridable (E2E_PORT, E2E_MAIL_PORT, E2E_DB_PORT) so several checkouts can run the
// suite side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3100);

export const e2e = {
  port,
  baseURL: `http://localhost:${port}`,
  mailApiPort: Number(process.env.E2E_MAIL_PORT ?? 3198),
  embeddedDbPort: Number(process.env.E2E_DB_PORT ?? 54329),
};

/** Where the e2e server tells the specs which database it uses (one file per port: runs side by side do not mix). */
export const statePath = path.resolve(import.meta.dirname, `../../.data/e2e-state-${port}.json`);
