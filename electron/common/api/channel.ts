// The one IPC channel between the preload and the main process. Calls carry
// the contract's method name and arguments; replies are envelopes
// (`{ok:true,result}` / `{ok:false,error:{code,message}}`) because Electron
// flattens a thrown error into a string and would lose its code.
import type { ApiErrorBody } from './contract';

export const API_CHANNEL = 'hakusho:api';

export type ApiEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
