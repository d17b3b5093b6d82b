// Test support: the core's full contract handlers over a real library and an
// in-memory content store, built as the reader core builds them (createHandlers
// with the library's handlers spread in), so tests call them through `invoke`
// like every host does.
import { invoke, type ApiArgs, type ApiHandlers, type ApiMethod } from '../../common/api/contract';
import { createHandlers } from '../api';
import type { ContentStore } from '../content/store-types';
import { createLibraryHandlers } from '../library/handlers';
import type { SqliteLibrary } from '../library/library';

export function handlersOver(library: SqliteLibrary, content: ContentStore): ApiHandlers {
  return createHandlers({
    content,
    search: null,
    library,
    libraryHandlers: createLibraryHandlers({ library, content }),
  });
}

/** `invoke` bound to handlers: `call('listBookmarks', {})`. */
export function caller(handlers: ApiHandlers) {
  return <M extends ApiMethod>(method: M, args: ApiArgs<M>) => invoke(handlers, method, args);
}
