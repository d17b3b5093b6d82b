import { describe, expect, it } from 'vitest';
import { API_METHODS, inputSchemas } from '../../../../electron/common/api/contract';
import { DOCUMENT_SCOPED_METHODS } from './current-document';

/** Whether a method's schema accepts `documentId` (some are unions of object shapes). */
function takesDocumentId(schema: unknown): boolean {
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[] };
  if (s.shape) return 'documentId' in s.shape;
  if (s.options) return s.options.some(takesDocumentId);
  return false;
}

describe('the document-scoped methods', () => {
  it('are exactly the contract methods that take an optional documentId', () => {
    const scoped = API_METHODS.filter((m) => takesDocumentId(inputSchemas[m]));
    expect([...DOCUMENT_SCOPED_METHODS].sort()).toEqual(scoped.sort());
  });
});
