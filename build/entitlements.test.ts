// The macOS entitlements rule, fed the project's plists, electron-builder's
// template and hand-made ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entitlementProblems, parseEntitlements } from './entitlements';

const root = path.resolve(import.meta.dirname, '..');
const plist = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`;

describe('the project’s entitlements', () => {
  for (const file of ['build/entitlements.mac.plist', 'build/entitlements.mac.inherit.plist']) {
    it(`${file} grants V8's JIT only`, () => {
      const xml = readFileSync(path.join(root, file), 'utf8');
      expect([...parseEntitlements(xml)!]).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
      expect(entitlementProblems(file, xml)).toEqual([]);
    });
  }
});

describe('entitlementProblems', () => {
  it('refuses electron-builder’s template (library validation off)', () => {
    const xml = readFileSync(
      path.join(root, 'node_modules', 'app-builder-lib', 'templates', 'entitlements.mac.plist'),
      'utf8',
    );
    const problems = entitlementProblems('t', xml);
    expect(problems.some((p) => p.includes('disable-library-validation'))).toBe(true);
    expect(problems).toHaveLength(2);
  });

  it('names each unreviewed or dangerous grant and a missing JIT entitlement', () => {
    const xml = plist(
      [
        '<key>com.apple.security.get-task-allow</key><true/>',
        '<key>com.apple.security.cs.allow-dyld-environment-variables</key><true/>',
        '<key>com.apple.security.device.camera</key><true/>',
        '<key>com.apple.security.cs.disable-library-validation</key><false/>',
      ].join('\n'),
    );
    expect(entitlementProblems('f', xml)).toEqual([
      'f grants com.apple.security.get-task-allow, which would let other processes attach a debugger',
      'f grants com.apple.security.cs.allow-dyld-environment-variables, which would let DYLD_* variables inject libraries',
      'f grants com.apple.security.device.camera (not reviewed)',
      'f lacks com.apple.security.cs.allow-jit (V8 cannot run under the hardened runtime without it)',
    ]);
  });

  it('is not fooled by comments, odd values or broken files', () => {
    expect(
      entitlementProblems(
        'f',
        plist(
          '<!-- <key>com.apple.security.cs.disable-library-validation</key><true/> -->\n<key>com.apple.security.cs.allow-jit</key><true/>',
        ),
      ),
    ).toEqual([]);
    expect(
      entitlementProblems(
        'f',
        plist('<key>com.apple.security.cs.allow-jit</key><string>yes</string>'),
      ),
    ).toEqual([
      'f sets com.apple.security.cs.allow-jit to <string>, not <true/>',
      'f lacks com.apple.security.cs.allow-jit (V8 cannot run under the hardened runtime without it)',
    ]);
    expect(entitlementProblems('f', '<plist><array/></plist>')).toEqual([
      'f is not a plist dictionary',
    ]);
    expect(entitlementProblems('f', null)).toEqual(['f cannot be read']);
  });
});
