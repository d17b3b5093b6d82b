// A profile holding many notes, as after a large import: the notes-list test and its
// benchmark import an export of `count` highlights through the contract (the file's
// bytes as the body, as the app sends them), then read the list back.
import type { DocumentInfo, SectionView, TocEntry } from '../../../electron/common/api/types';
import { unplaceableExport } from '../../fixtures/notes-export';
import type { RunningEdition } from './server';

/**
 * A contract call from Node with the host's token (JSON, or bytes as the body). A
 * connection the host closed while this process was busy (its keep-alive timeout is
 * 5 s, and building a large file takes longer) is tried once more on a new one.
 */
export async function hostCall<T>(
  edition: RunningEdition,
  method: string,
  args: object | Uint8Array = {},
  retry = true,
): Promise<T> {
  const token = new URL(edition.url).searchParams.get('token');
  const bytes = args instanceof Uint8Array;
  let reply: Response;
  try {
    reply = await fetch(`${edition.origin}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': bytes ? 'application/octet-stream' : 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: bytes ? args : JSON.stringify(args),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? '';
    if (!retry || !['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(code)) throw err;
    return hostCall<T>(edition, method, args, false);
  }
  const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

/** Imports `count` highlights (each with a note and a tag) into the host's profile. */
export async function importManyNotes(edition: RunningEdition, count: number): Promise<void> {
  const document = await hostCall<DocumentInfo>(edition, 'getDocument');
  let at: { sectionId: string; paragraphId: string } | null = null;
  for (const entry of await hostCall<TocEntry[]>(edition, 'getToc')) {
    const view = await hostCall<SectionView>(edition, 'getSection', { id: entry.id });
    const first = view.paragraphs[0];
    if (first) {
      at = { sectionId: view.id, paragraphId: first.id };
      break;
    }
  }
  if (!at) throw new Error('no section with text');
  const file = unplaceableExport({ document, ...at, count, quoteLength: 60, noteLength: 80 });
  const summary = await hostCall<{ added: number }>(
    edition,
    'importAnnotations',
    new TextEncoder().encode(file),
  );
  if (summary.added !== count) throw new Error(`imported ${summary.added} of ${count} notes`);
}
