// Fills the string table's templates. Two kinds of placeholder, after ICU MessageFormat
// (which translators know), and nothing more:
//   {name}                                     the parameter as text;
//   {name, plural, =0 {…} one {…} other {…}}   the branch for the number `name`: an exact
//       `=N` first, else the number's plural category in the language (Intl.PluralRules:
//       English has one/other, Japanese other only), else `other`. `#` in the branch is
//       the number; a branch may hold {name} placeholders.
// A placeholder without its parameter stays visible rather than vanish.
import type { Language } from '../api/types';
import { messages, type MessageKey } from './messages';

export type MessageParams = Record<string, string | number>;

const BRANCH_BODY = String.raw`(?:[^{}]|\{\w+\})*`;
const CATEGORY = String.raw`=\d+|zero|one|two|few|many|other`;
const PLURAL = new RegExp(
  String.raw`\{(\w+), plural,((?:\s*(?:${CATEGORY})\s*\{${BRANCH_BODY}\})+)\s*\}`,
  'g',
);
const BRANCH = new RegExp(String.raw`(${CATEGORY})\s*\{(${BRANCH_BODY})\}`, 'g');
const SIMPLE = /\{(\w+)\}/g;

const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralCategory(language: Language, n: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(n);
}

function has(params: MessageParams, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(params, name);
}

function choosePlural(
  whole: string,
  name: string,
  branches: string,
  params: MessageParams,
  language: Language,
): string {
  if (!has(params, name)) return whole;
  const n = Number(params[name]);
  if (!Number.isFinite(n)) return whole;
  const byCategory = new Map<string, string>();
  for (const [, category, body] of branches.matchAll(BRANCH)) byCategory.set(category!, body!);
  const body =
    byCategory.get(`=${n}`) ??
    byCategory.get(pluralCategory(language, n)) ??
    byCategory.get('other') ??
    whole;
  return body.replaceAll('#', String(params[name]));
}

/** Fills a template's placeholders (plural ones in `language`'s rules). */
export function format(
  template: string,
  params?: MessageParams,
  language: Language = 'en',
): string {
  if (!params) return template;
  return template
    .replace(PLURAL, (whole, name: string, branches: string) =>
      choosePlural(whole, name, branches, params, language),
    )
    .replace(SIMPLE, (whole, name: string) => (has(params, name) ? String(params[name]) : whole));
}

/** The names of a template's placeholders, plural ones included (for checking a table). */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return format(messages[language][key], params, language);
}
