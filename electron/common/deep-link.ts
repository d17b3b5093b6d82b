// Where a link into the reader points: a section, and maybe an annotation's passage in
// it. One route, two spellings, parsed and written only here so that the Markdown export
// (which writes deep links), the main process (which receives them from the OS) and the
// renderer (which keeps the route in its URL hash for back/forward) cannot drift apart:
//
//   deep link   hakusho-reader://section/<sectionId>[?doc=<documentId>][&|?annotation=<annotationId>]
//   in the app  #/section/<sectionId>[?doc=<documentId>][&|?annotation=<annotationId>]
//
// `doc` names a document of the library (absent: the bundled chapter, as every link
// written before the library existed); when both are there, `doc` comes first.
//
// Parsing is strict on purpose — a deep link arrives from outside the app (another
// program, a shared Markdown file): the exact lower-case scheme, ids by the one id rule
// (rules/ids.ts: ASCII letters, digits, `._:-`, at most 200), no percent-encoding, no
// other query parameter, no credentials, host or port; anything else is no route at all.
import { isId, MAX_ID_LENGTH } from './rules/ids';

export const DEEP_LINK_SCHEME = 'hakusho-reader';
/**
 * The switch with which `npm start -- --register-scheme` asks a development run of
 * the desktop app to register the checkout for the scheme (electron/main/deep-links.ts).
 */
export const REGISTER_SCHEME_FLAG = '--register-scheme';

export interface Route {
  sectionId: string;
  annotationId?: string;
  /** An imported document of the library (absent: the bundled chapter). */
  documentId?: string;
}

const DEEP_LINK_PREFIX = `${DEEP_LINK_SCHEME}://section/`;
const HASH_PREFIX = '#/section/';
const ANNOTATION_PARAM = 'annotation=';
const DOCUMENT_PARAM = 'doc=';
/** prefix + id + "?doc=" + id + "&annotation=" + id: nothing longer can be a route. */
const MAX_LINK_LENGTH =
  DEEP_LINK_PREFIX.length + 3 * MAX_ID_LENGTH + 2 + DOCUMENT_PARAM.length + ANNOTATION_PARAM.length;

/** The id rule, and not a path segment of dots alone (`.`, `..`). */
export function isRouteId(value: unknown): value is string {
  return isId(value) && !/^\.+$/.test(value);
}

/** `section/<id>[?doc=<id>][&|?annotation=<id>]` → the route, or null. */
function parseRoutePath(rest: string): Route | null {
  const q = rest.indexOf('?');
  const sectionId = q === -1 ? rest : rest.slice(0, q);
  if (!isRouteId(sectionId)) return null;
  if (q === -1) return { sectionId };
  const params = rest.slice(q + 1).split('&');
  const route: Route = { sectionId };
  if (params[0]?.startsWith(DOCUMENT_PARAM)) {
    const documentId = params.shift()?.slice(DOCUMENT_PARAM.length);
    if (!isRouteId(documentId)) return null;
    route.documentId = documentId;
  }
  if (params.length > 1) return null;
  if (params.length === 1) {
    const param = params[0] as string;
    if (!param.startsWith(ANNOTATION_PARAM)) return null;
    const annotationId = param.slice(ANNOTATION_PARAM.length);
    if (!isRouteId(annotationId)) return null;
    route.annotationId = annotationId;
  }
  return route;
}

function routePath(route: Route): string {
  if (!isRouteId(route.sectionId))
    throw new Error(`not a section id: ${JSON.stringify(route.sectionId)}`);
  const params: string[] = [];
  if (route.documentId !== undefined) {
    if (!isRouteId(route.documentId))
      throw new Error(`not a document id: ${JSON.stringify(route.documentId)}`);
    params.push(`${DOCUMENT_PARAM}${route.documentId}`);
  }
  if (route.annotationId !== undefined) {
    if (!isRouteId(route.annotationId))
      throw new Error(`not an annotation id: ${JSON.stringify(route.annotationId)}`);
    params.push(`${ANNOTATION_PARAM}${route.annotationId}`);
  }
  return `section/${route.sectionId}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/** `hakusho-reader://section/<id>[?annotation=<id>]` → the route; anything else → null. */
export function parseDeepLink(url: unknown): Route | null {
  if (typeof url !== 'string' || url.length > MAX_LINK_LENGTH) return null;
  if (!url.startsWith(DEEP_LINK_PREFIX)) return null;
  return parseRoutePath(url.slice(DEEP_LINK_PREFIX.length));
}

/** The deep link for a route (throws on an id outside the id rule: a programming error). */
export function deepLinkForRoute(route: Route): string {
  return `${DEEP_LINK_SCHEME}://${routePath(route)}`;
}

/**
 * The deep link to a section (and an annotation's passage), or null for an id no link
 * can carry (the stored id rule also admits `.` and `..`, which no route does): what
 * the exports write beside each note.
 */
export function deepLink(
  sectionId: string,
  annotationId?: string,
  documentId?: string,
): string | null {
  if (
    !isRouteId(sectionId) ||
    (annotationId !== undefined && !isRouteId(annotationId)) ||
    (documentId !== undefined && !isRouteId(documentId))
  )
    return null;
  return deepLinkForRoute({
    sectionId,
    ...(documentId !== undefined ? { documentId } : {}),
    ...(annotationId !== undefined ? { annotationId } : {}),
  });
}

/** `#/section/<id>[?annotation=<id>]` (location.hash) → the route; anything else → null. */
export function routeFromHash(hash: unknown): Route | null {
  if (typeof hash !== 'string' || hash.length > MAX_LINK_LENGTH) return null;
  if (!hash.startsWith(HASH_PREFIX)) return null;
  return parseRoutePath(hash.slice(HASH_PREFIX.length));
}

/** The URL hash for a route, `#/section/<id>[?annotation=<id>]`. */
export function hashForRoute(route: Route): string {
  return `#/${routePath(route)}`;
}
