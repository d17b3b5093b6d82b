// A stand-in for the contract client in the renderer's unit tests: each test gives the
// methods it expects to be called; any other method fails the test loudly (a state
// class that asks for something unexpected is a bug, as the duplicate note search
// was). Every call is recorded with its arguments, in order.
import type {
  ApiArgs,
  ApiClient,
  ApiMethod,
  ApiResult,
} from '../../../../electron/common/api/contract';

export type FakeMethods = {
  [M in ApiMethod]?: (args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

export interface FakeApi {
  client: ApiClient;
  /** Every call made, in order. */
  calls: { method: ApiMethod; args: unknown }[];
  /** The arguments of each call to `method`, in order. */
  argsOf<M extends ApiMethod>(method: M): ApiArgs<M>[];
}

export function fakeApi(methods: FakeMethods): FakeApi {
  const calls: FakeApi['calls'] = [];
  const client = new Proxy({} as ApiClient, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return async (args: unknown) => {
        const method = name as ApiMethod;
        calls.push({ method, args });
        const fn = methods[method] as ((a: unknown) => unknown) | undefined;
        if (!fn) throw new Error(`unexpected API call: ${method}`);
        return fn(args);
      };
    },
  });
  return {
    client,
    calls,
    argsOf: <M extends ApiMethod>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.args as ApiArgs<M>),
  };
}

/** A promise the test settles when it chooses (a reply that arrives late). */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (the state classes chain a few). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setTimeout(r, 0));
}
