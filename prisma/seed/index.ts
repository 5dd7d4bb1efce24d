// `npm run db:seed` and the embedded first start: loads the demo content (idempotent).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemo } from "./demo";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("[seed] DATABASE_URL is not set.");
  process.exit(1);
}
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1 }) });
try {
  await seedDemo(db);
  console.log("[seed] demo content is in place");
} finally {
  await db.$disconnect();
}
