// Not server-only: the seed builders (prisma/seed) and e2e fixtures hash demo passwords with it too.
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolatedModules cannot read).
const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account does not exist keeps the timing the same,
// so response time does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("parley-timing-equaliser", options);
  await verifyPassword(await dummyHash, password);
}
