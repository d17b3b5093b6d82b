// What the reader is told when a call fails: the error's own message (an ApiCallError
// carries the host's), or whatever was thrown, as text. One rule for every state class
// and component, so a failure never shows as "[object Object]".
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
