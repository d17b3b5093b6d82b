// Anchoring of annotations to the text (W3C selectors and re-anchoring).
export * from './selectors';
export * from './anchor';
