// The small, documented fold tables of search normalization. Each table says what
// a Japanese reader expects to be "the same character" when searching, beyond what
// Unicode NFKC, case folding and width folding already do. Display text never
// changes: these apply to the search copy only.
//
// Hiragana and katakana are deliberately not folded into each other. They spell
// different words in this kind of text: katakana marks loanwords and names
// (タイ通商代表, the US trade representative Tai) while the same kana in hiragana
// are grammar (たい in 〜したい, on nearly every page). Folding them would turn a
// precise name search into hundreds of hits a reader would call wrong, and
// Japanese IMEs let the reader type exactly the script they see.

/**
 * Long-vowel look-alikes. After a katakana character (or ー) these are read as the
 * prolonged sound mark ー: PDF extraction and careless typing produce
 * `イノベ―ション` (U+2015) for `イノベーション`. Elsewhere they stay dashes.
 * The ASCII hyphen-minus is deliberately absent: next to katakana it is still a
 * Latin hyphen in names such as option strings.
 */
export const LONG_VOWEL_LOOKALIKES: ReadonlySet<number> = new Set([
  0x2010, // ‐ HYPHEN
  0x2011, // ‑ NON-BREAKING HYPHEN
  0x2012, // ‒ FIGURE DASH
  0x2013, // – EN DASH
  0x2014, // — EM DASH
  0x2015, // ― HORIZONTAL BAR (the seed's イノベ―ション)
  0x2212, // − MINUS SIGN
  0xfe63, // ﹣ SMALL HYPHEN-MINUS
  0xff0d, // － FULLWIDTH HYPHEN-MINUS
  0xff70, // ｰ HALFWIDTH PROLONGED SOUND MARK (NFKC folds it too; kept for clarity)
]);

/** The prolonged sound mark every look-alike folds to. */
export const PROLONGED_SOUND_MARK = 'ー';

/**
 * Variant kanji (異体字) folded to the form in common use. Small on purpose: only
 * pairs a reader treats as one character and that do not change meaning. The seed
 * itself writes both 強靱 and 強靭. NFKC already folds the CJK compatibility
 * ideographs (U+F900–U+FAFF, e.g. 﨑 → 崎 is NOT among them: 﨑 U+FA11 is a unified
 * ideograph, hence listed here).
 */
export const VARIANT_KANJI: ReadonlyMap<string, string> = new Map([
  ['靱', '靭'], // 強靱/強靭 (both in the seed)
  ['髙', '高'],
  ['﨑', '崎'],
  ['嵜', '崎'],
  ['邊', '辺'],
  ['邉', '辺'],
  ['齋', '斎'],
  ['齊', '斉'],
  ['濱', '浜'],
  ['澤', '沢'],
  ['國', '国'],
  ['會', '会'],
  ['廣', '広'],
  ['櫻', '桜'],
  ['龍', '竜'],
  ['嶋', '島'],
  ['嶌', '島'],
  ['禮', '礼'],
  ['惠', '恵'],
  ['眞', '真'],
  ['淸', '清'],
  ['德', '徳'],
  ['壽', '寿'],
  ['萬', '万'],
  ['與', '与'],
  ['册', '冊'],
  ['冨', '富'],
  ['兔', '兎'],
]);

/**
 * Punctuation variants NFKC leaves apart though readers type either: the wave dash
 * 〜 (U+301C, what Japanese IMEs on macOS produce) and the fullwidth tilde ～
 * (U+FF5E, Windows; NFKC turns it into ~).
 */
export const PUNCTUATION_FOLDS: ReadonlyMap<string, string> = new Map([
  ['〜', '~'],
  ['〰', '~'],
]);
