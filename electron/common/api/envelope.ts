// What a host sends back for one call, whatever the transport: `{ok:true,result}`
// or `{ok:false,error:{code,message}}`. The HTTP host answers it as JSON, the IPC
// binding returns it (Electron flattens a thrown error into a string and would
// lose its code), and the CLI prints its error on stderr. Built only here, so an
// error reads the same in every host.
import {
  asApiError,
  invoke,
  type ApiErrorBody,
  type ApiHandlers,
  type ApiMethod,
} from './contract';

export type ApiEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
export type ApiErrorEnvelope = Extract<ApiEnvelope, { ok: false }>;

/** A failure as an envelope (see asApiError: anything but an ApiError is `internal`). */
export function errorEnvelope(err: unknown): ApiErrorEnvelope {
  return { ok: false, error: asApiError(err).toJSON() };
}

/** Calls the method through the contract's `invoke` and wraps the outcome. */
export async function invokeEnvelope(
  handlers: ApiHandlers,
  method: ApiMethod,
  args: unknown,
): Promise<ApiEnvelope> {
  try {
    const result = await invoke(handlers, method, args);
    return { ok: true, result: result ?? null };
  } catch (err) {
    return errorEnvelope(err);
  }
}
