/** What a form's server action returns. Messages are catalog keys, translated by the form. */
export type ActionState = {
  status: "idle" | "success" | "error";
  /** Key under "messages" shown on success. */
  message?: string;
  /** Key under "errors" for the whole form. */
  formError?: string;
  /** Keys under "validation", per field. */
  fieldErrors?: Record<string, string>;
  /** A result to show once (e.g. a new API token). */
  data?: Record<string, string>;
  /** What the user typed (never passwords), so nothing is lost on an error. */
  values?: Record<string, string>;
};

export const idleState: ActionState = { status: "idle" };
