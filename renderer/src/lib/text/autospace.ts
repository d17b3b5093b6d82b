// 和欧間スペース around an element, decided by the app rather than by the browser. In
// vertical writing Chromium (156 here) lays out the space text-autospace puts between a
// Latin run and the kana or kanji after it correctly, but when the two characters lie on
// either side of an element boundary it paints the kana where the space should be: on top
// of the last Latin letter (「LNGや」, 「JETROを」 with the abbreviation marked as a glossary
// term). An element that may end or begin with Latin letters therefore turns the
// browser's spacing off at its edges and takes the same space as its own margin; these
// are the sides that get it, with the rule of CSS Text 4's `text-autospace: normal`
// (ideograph-alpha ideograph-numeric): a Latin letter or digit beside a Han character or
// kana, never beside punctuation. The space itself (1/8 em, text-autospace's own) is in
// the stylesheet of RichText.svelte.

const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const ALPHA_NUMERIC = /[A-Za-z0-9]/;

export interface SpacedSides {
  /** A space before the element (between the character before it and its first). */
  before: boolean;
  /** A space after the element (between its last character and the one after it). */
  after: boolean;
}

function spaced(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return (
    (IDEOGRAPH.test(a) && ALPHA_NUMERIC.test(b)) || (ALPHA_NUMERIC.test(a) && IDEOGRAPH.test(b))
  );
}

/** Where the element over [start, end) of `text` needs the 和欧間 space. */
export function spacedSides(text: string, start: number, end: number): SpacedSides {
  if (end <= start) return { before: false, after: false };
  return {
    before: spaced(text[start - 1], text[start]),
    after: spaced(text[end - 1], text[end]),
  };
}
