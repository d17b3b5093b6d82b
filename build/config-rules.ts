// Project rules for electron-builder.yml on top of electron-builder's own schema
// (which only says whether keys are known): the product identity, the four
// installer targets, the content database in resources/, native modules
// unpacked, the afterPack hook, icons that exist, and what protects the files
// ASAR integrity does not cover (a per-machine Windows install, the native module
// signed, macOS entitlements that keep library validation). Pure, so tests can
// feed it broken configurations.
import type { Configuration } from 'app-builder-lib';
import { DEEP_LINK_SCHEME } from '../electron/common/deep-link';
import { entitlementProblems } from './entitlements';

export const PRODUCT_NAME = 'Hakusho Reader';
export const AFTER_PACK_HOOK = './build/after-pack.mjs';

/** Target names of a platform's `target` option (strings or {target, arch} objects). */
export function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : target == null ? [] : [target];
  return list
    .map((t: unknown) => (typeof t === 'string' ? t : (t as { target?: unknown } | null)?.target))
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.toLowerCase());
}

function asList<T>(v: T | T[] | null | undefined): T[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

/** Problems with the configuration, one line each (empty when it is right). */
export function configProblems(
  config: Configuration,
  exists: (rel: string) => boolean,
  read: (rel: string) => string | null,
): string[] {
  const problems: string[] = [];
  if (config.productName !== PRODUCT_NAME)
    problems.push(`productName is ${String(config.productName)}, expected "${PRODUCT_NAME}"`);
  if (!config.appId || !/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/i.test(config.appId))
    problems.push(`appId ${String(config.appId)} is not a reverse-DNS identifier`);

  const want: [string, string, unknown][] = [
    ['linux', 'appimage', config.linux?.target],
    ['linux', 'deb', config.linux?.target],
    ['win', 'nsis', config.win?.target],
    ['mac', 'dmg', config.mac?.target],
  ];
  for (const [platform, target, list] of want)
    if (!targetNames(list).includes(target)) problems.push(`${platform}.target lacks ${target}`);

  const extra = asList(config.extraResources as unknown).map((r) =>
    typeof r === 'string' ? { from: r, to: r } : (r as { from?: string; to?: string }),
  );
  if (!extra.some((r) => r.from === 'data/content.sqlite' && r.to === 'content.sqlite'))
    problems.push('extraResources does not ship data/content.sqlite as content.sqlite');

  const unpack = asList(config.asarUnpack as string | string[] | null | undefined);
  if (config.asar === false) problems.push('asar is off: the app would ship as loose files');
  if (!unpack.some((p) => p === '**/*.node'))
    problems.push('asarUnpack does not unpack native modules (**/*.node)');

  // getConfig normalises `files` into [{ filter: [...] }]; accept both shapes.
  const files = asList(config.files as unknown).flatMap((f) =>
    typeof f === 'string'
      ? [f]
      : asList((f as { filter?: string | string[] } | null)?.filter ?? null),
  );
  if (files.length === 0) problems.push('files has no whitelist (everything would ship)');
  if (!files.includes('!node_modules/**/*'))
    problems.push('files does not start node_modules from an empty whitelist (!node_modules/**/*)');

  if (config.afterPack !== AFTER_PACK_HOOK)
    problems.push(`afterPack is ${String(config.afterPack)}, expected ${AFTER_PACK_HOOK} (fuses)`);
  else if (!exists(AFTER_PACK_HOOK)) problems.push(`${AFTER_PACK_HOOK} does not exist`);
  if (config.electronFuses != null)
    problems.push('electronFuses is set: fuses are flipped by the afterPack hook only');
  if (config.npmRebuild === false)
    problems.push(
      'npmRebuild is false: `npm run dist` would ship the Node build of better-sqlite3',
    );

  const icons: [string, unknown][] = [
    ['linux.icon', config.linux?.icon],
    ['win.icon', config.win?.icon],
    ['mac.icon', config.mac?.icon],
  ];
  for (const [key, icon] of icons) {
    if (typeof icon !== 'string') problems.push(`${key} is not set`);
    else if (!exists(icon)) problems.push(`${key} ${icon} does not exist`);
  }
  const schemes = asList(config.protocols as unknown).flatMap((p) =>
    asList((p as { schemes?: string | string[] } | null)?.schemes ?? null),
  );
  if (!schemes.includes(DEEP_LINK_SCHEME))
    problems.push(`protocols does not declare the ${DEEP_LINK_SCHEME}:// scheme (deep links)`);
  if (
    config.nsis &&
    (config.nsis as { deleteAppDataOnUninstall?: boolean }).deleteAppDataOnUninstall
  )
    problems.push('nsis.deleteAppDataOnUninstall would delete bookmarks and notes');

  // What ASAR integrity does not cover (app.asar.unpacked, resources/content.sqlite).
  if ((config.nsis as { perMachine?: boolean } | null | undefined)?.perMachine !== true)
    problems.push(
      'nsis.perMachine is not true: a per-user install lets any program the user runs replace better_sqlite3.node and content.sqlite',
    );
  const signExts = asList(config.win?.signExts ?? null);
  if (!signExts.includes('.node') || signExts.includes('!.node'))
    problems.push('win.signExts does not sign .node files (the unpacked native module)');
  if (config.mac?.hardenedRuntime === false)
    problems.push('mac.hardenedRuntime is false: library validation would be off');
  for (const key of ['entitlements', 'entitlementsInherit'] as const) {
    const file = config.mac?.[key];
    if (typeof file !== 'string')
      problems.push(
        `mac.${key} is not set: electron-builder's template disables library validation`,
      );
    else if (!exists(file)) problems.push(`mac.${key} ${file} does not exist`);
    else problems.push(...entitlementProblems(`mac.${key} ${file}`, read(file)));
  }
  return problems;
}
