import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { AppError, FieldError, UnauthenticatedError } from "@/lib/errors";
import type { ActionState } from "@/lib/action-state";

type Options = { auth: "required" | "optional" };
type Ctx<A extends Options> = {
  user: A["auth"] extends "required" ? CurrentUser : CurrentUser | null;
  /** The submitted form itself, for what the schema does not carry (uploaded files). */
  formData: FormData;
};

// Never echo secrets back into the form.
const secretFields = new Set(["password", "confirmPassword", "token", "currentPassword"]);

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !secretFields.has(key)) values[key] = value;
  }
  return values;
}

function formInput(formData: FormData): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) input[key] = value;
  }
  return input;
}

/**
 * The one wrapper every form's server action goes through: parse with the shared zod schema,
 * resolve the user on the server, run the use case, and turn failures into a localisable state
 * that carries back what the user typed. Authorisation itself is checked inside each use case.
 */
export function formAction<S extends z.ZodType, A extends Options>(
  schema: S,
  options: A,
  handler: (input: z.output<S>, ctx: Ctx<A>) => Promise<ActionState | void>,
) {
  return async function run(_prev: ActionState, formData: FormData): Promise<ActionState> {
    const values = formValues(formData);
    try {
      const user = await getCurrentUser();
      if (options.auth === "required" && !user) throw new UnauthenticatedError();
      const parsed = schema.safeParse(formInput(formData));
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? "_form");
          fieldErrors[key] ??= issue.message;
        }
        return { status: "error", fieldErrors, values };
      }
      const result = await handler(parsed.data, { user, formData } as Ctx<A>);
      return result ?? { status: "success", values };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof FieldError) return { status: "error", fieldErrors: { [error.field]: error.code }, values };
      if (error instanceof AppError) return { status: "error", formError: error.code, values };
      console.error("[action] unexpected error", error);
      return { status: "error", formError: "unexpected", values };
    }
  };
}
