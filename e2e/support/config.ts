import path from "node:path";

export const e2e = {
  port: 3100,
  baseURL: "http://localhost:3100",
  mailApiPort: 3198,
  embeddedDbPort: 54329,
};

export const statePath = path.resolve(import.meta.dirname, "../../.data/e2e-state.json");
