// A value built the first time it is asked for, then kept. Used for the zod schemas
// that only some calls need (stored records, an import file, the content build's
// inputs): building a schema costs time at start-up in every host, and the CLI pays
// it on every run, so a schema nobody uses in a run is never built in that run.

export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
