// The macOS hardened-runtime entitlements the app may be signed with, as a rule
// over the plist files electron-builder.yml names (mac.entitlements for the app,
// mac.entitlementsInherit for its helpers). Electron 12 and later need V8's JIT
// entitlement and nothing else; every other exception widens what code the app
// can be made to run — above all `disable-library-validation`, which would let it
// load a .node file not signed by its own team (app.asar.unpacked is outside
// ASAR integrity). electron-builder's own template grants three; ours one.

/** What the app is signed with: exactly these, each `<true/>`. */
export const ALLOWED_ENTITLEMENTS = ['com.apple.security.cs.allow-jit'] as const;

const WHY: Record<string, string> = {
  'com.apple.security.cs.disable-library-validation':
    'would let the app load native code not signed by its team (a replaced better_sqlite3.node)',
  'com.apple.security.cs.allow-unsigned-executable-memory':
    'is needed by Electron 11 and older only, and widens what code can run',
  'com.apple.security.cs.allow-dyld-environment-variables':
    'would let DYLD_* variables inject libraries',
  'com.apple.security.get-task-allow': 'would let other processes attach a debugger',
};

/**
 * The entitlements a plist grants (key → value as written: 'true', 'false' or the
 * element name of a non-boolean value), or null when it is not a plist dict.
 */
export function parseEntitlements(xml: string): Map<string, string> | null {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const dict = /<plist\b[^>]*>\s*<dict>([\s\S]*)<\/dict>\s*<\/plist>\s*$/.exec(body);
  if (!dict) return null;
  const out = new Map<string, string>();
  const entry = /<key>([^<]*)<\/key>\s*<(\w+)\s*\/?>/g;
  let rest = dict[1]!;
  for (const m of dict[1]!.matchAll(entry)) {
    out.set(m[1]!.trim(), m[2]!);
    rest = rest.replace(m[0], '');
  }
  // Anything left but closing tags and text of non-boolean values means we could not read it.
  if (/<key>/.test(rest)) return null;
  return out;
}

/** Problems with one entitlements file, one line each (empty when it is right). */
export function entitlementProblems(label: string, xml: string | null): string[] {
  if (xml === null) return [`${label} cannot be read`];
  const granted = parseEntitlements(xml);
  if (!granted) return [`${label} is not a plist dictionary`];
  const problems: string[] = [];
  for (const [key, value] of granted) {
    if (value === 'false') continue;
    if (!(ALLOWED_ENTITLEMENTS as readonly string[]).includes(key))
      problems.push(
        `${label} grants ${key}${WHY[key] ? `, which ${WHY[key]}` : ' (not reviewed)'}`,
      );
    else if (value !== 'true') problems.push(`${label} sets ${key} to <${value}>, not <true/>`);
  }
  for (const key of ALLOWED_ENTITLEMENTS)
    if (granted.get(key) !== 'true')
      problems.push(`${label} lacks ${key} (V8 cannot run under the hardened runtime without it)`);
  return problems;
}
