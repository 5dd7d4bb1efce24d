import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { can, type Action, type Actor, type Resource } from "./permissions";

export function assertCan(actor: Actor | null, action: Action, resource?: Resource): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, action, resource)) throw new ForbiddenError(`${action} denied`);
}
