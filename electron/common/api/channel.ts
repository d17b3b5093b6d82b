// The one IPC channel between the preload and the main process. Calls carry
// the contract's method name and arguments; replies are envelopes (./envelope.ts).

export const API_CHANNEL = 'hakusho:api';
