// How Japanese text becomes a Lunr index here, in one place. Lunr's own tokenizer
// splits on spaces and its default pipeline (trimmer, stop words, English stemmer)
// deletes Japanese, so both are replaced:
// - the tokenizer is ours: the grams of the search copy (common/search/tokenizer:
//   every character, and every pair of adjacent word characters), so a query term
//   of any length finds every section that can contain it — no segmenter guesses;
// - the pipeline is two registered functions (so Lunr serializes them by name and
//   lunr.Index.load finds them again), run on every indexed token and every query
//   term alike: `literal` makes the characters Lunr gives meaning literal (`*` is a
//   wildcard in lunr.TokenSet.fromString, with no escape, so it becomes a
//   private-use character), and `spread` keeps Lunr's token set shallow at the root
//   (see spreadTerm).
// Queries never go through Lunr's query parser (`index.search`): the search builds
// `index.query` clauses from our own grams (./index).
import lunr from 'lunr';
import { indexGrams } from '../../common/search/tokenizer';

/** Lunr's index fields: a section's title and its paragraphs. */
export const TITLE_FIELD = 'title';
export const BODY_FIELD = 'body';

/** The pipeline functions' registered names (stored in the index JSON, in this order). */
export const LITERAL_FUNCTION = 'hakusho-literal';
export const SPREAD_FUNCTION = 'hakusho-spread';
export const PIPELINE = [LITERAL_FUNCTION, SPREAD_FUNCTION];

/** Characters with a meaning in Lunr's TokenSet, and the private-use characters they become. */
const LITERALS: ReadonlyMap<string, string> = new Map([['*', '\uE02A']]);
const SPECIAL = /\*/g;

/** A gram as Lunr stores it: the characters Lunr gives meaning replaced. */
export function lunrTerm(gram: string): string {
  return gram.includes('*') ? gram.replace(SPECIAL, (c) => LITERALS.get(c) ?? c) : gram;
}

function literal(token: lunr.Token): lunr.Token {
  return token.update((s) => lunrTerm(s));
}

/** How many first-level branches the token set gets (see spread). */
export const SPREAD = 64;

/**
 * Prefixes every term with one of SPREAD private-use characters chosen by its
 * first character. Lunr's TokenSet#intersect lists the edges of every node it
 * passes (Object.keys), once per clause: without this the root alone has an edge
 * per distinct character of the content (about 1,100 in the chapter, 1,500 in the
 * GIMP manual), and listing it was most of a query's time on the chapter. With it
 * the root has SPREAD edges and each branch a few dozen; the terms and their
 * postings are unchanged.
 */
export function spreadTerm(term: string): string {
  return String.fromCharCode(0xe100 + (term.charCodeAt(0) % SPREAD)) + term;
}

function spread(token: lunr.Token): lunr.Token {
  return token.update((s) => spreadTerm(s));
}

/** Registers the pipeline functions with Lunr (once); needed before lunr.Index.load. */
export function registerLunrJa(): void {
  const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
    .registeredFunctions;
  if (registered[LITERAL_FUNCTION] !== literal) {
    lunr.Pipeline.registerFunction(literal, LITERAL_FUNCTION);
  }
  if (registered[SPREAD_FUNCTION] !== spread) {
    lunr.Pipeline.registerFunction(spread, SPREAD_FUNCTION);
  }
}

/** Token metadata: none is kept (no metadataWhitelist), so every token shares one object. */
const NO_METADATA = {};

/** Lunr's tokenizer for a field: the grams of each normalized text in it. */
function tokenize(texts: unknown): lunr.Token[] {
  const grams: string[] = [];
  for (const text of texts as string[]) indexGrams(text, grams);
  return grams.map((g) => new lunr.Token(g, NO_METADATA));
}

/** A lunr.Builder set up for our fields, tokenizer and pipeline (documents added by the caller). */
export function lunrBuilder(): lunr.Builder {
  registerLunrJa();
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.pipeline.add(literal, spread);
  builder.searchPipeline.add(literal, spread);
  builder.tokenizer = tokenize as unknown as typeof lunr.tokenizer;
  builder.metadataWhitelist = [];
  builder.ref('ref');
  builder.field(TITLE_FIELD);
  builder.field(BODY_FIELD);
  return builder;
}
