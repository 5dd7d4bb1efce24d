import { createTestDatabase } from "./test-database";

/** One isolated database for this test run; test files see it as DATABASE_URL. */
export default async function setup() {
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.PARLEY_DB_MODE = db.mode;
  return async () => {
    await db.drop();
  };
}
