/** The time a request is rendered at (one place, so pages stay pure to the linter and testable). */
export function renderTime(): number {
  return Date.now();
}
