import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appUrlForRoute, DeepLinkInbox, deepLinkFromArgv, protocolClientArgs } from './deep-links';
import { decideFrameNavigation, isAppUrl } from './security';

describe('deepLinkFromArgv', () => {
  it('finds the link a launch was given (Windows and Linux)', () => {
    expect(
      deepLinkFromArgv([
        'C:\\Program Files\\Hakusho Reader\\Hakusho Reader.exe',
        '--allow-file-access-from-files',
        'hakusho-reader://section/us-3?annotation=an-1',
      ]),
    ).toEqual({ sectionId: 'us-3', annotationId: 'an-1' });
    // In a checkout: electron <app folder> <link>.
    expect(
      deepLinkFromArgv(['/usr/lib/electron', '/repo', 'hakusho-reader://section/canada']),
    ).toEqual({ sectionId: 'canada' });
  });

  it('takes the last valid link and ignores everything else', () => {
    expect(
      deepLinkFromArgv([
        'exe',
        'hakusho-reader://section/us-1',
        'hakusho-reader://section/us-2',
        'hakusho-reader://section/../evil',
      ]),
    ).toEqual({ sectionId: 'us-2' });
  });

  it('returns null without a valid link', () => {
    for (const argv of [
      [],
      ['exe'],
      ['exe', '--inspect=9229', 'section/us-3'],
      ['exe', 'HAKUSHO-READER://section/us-3'],
      ['exe', '--url=hakusho-reader://section/us-3'],
      ['exe', 'hakusho-reader://section/us-3" --inspect'],
      ['exe', 'hakusho-reader://section/us-3?annotation=x&y=1'],
      ['exe', 'https://example.com/?hakusho-reader://section/us-3'],
    ])
      expect(deepLinkFromArgv(argv), argv.join(' ')).toBeNull();
    expect(deepLinkFromArgv(undefined)).toBeNull();
    expect(deepLinkFromArgv('hakusho-reader://section/us-3')).toBeNull();
    expect(deepLinkFromArgv([3, null, {}])).toBeNull();
  });
});

describe('appUrlForRoute', () => {
  it('is the entry page with the route in its hash, which the navigation guard allows', () => {
    const url = appUrlForRoute({ sectionId: 'us-3', annotationId: 'an-1' });
    expect(url).toBe('app://reader/index.html#/section/us-3?annotation=an-1');
    expect(isAppUrl(url)).toBe(true);
    expect(decideFrameNavigation({ url, isMainFrame: true })).toEqual({ action: 'allow' });
    expect(appUrlForRoute(null)).toBe('app://reader/index.html');
  });

  it('rebuilds the URL from parsed ids only', () => {
    const route = deepLinkFromArgv(['exe', 'hakusho-reader://section/a.b:c_d-e?annotation=x']);
    expect(appUrlForRoute(route)).toBe('app://reader/index.html#/section/a.b:c_d-e?annotation=x');
  });
});

describe('protocolClientArgs', () => {
  const base = { execPath: '/opt/electron', argv: ['/opt/electron', '.'] };

  it('registers the scheme alone in a release run', () => {
    expect(protocolClientArgs({ ...base, development: false })).toEqual(['hakusho-reader']);
    // Also for a renamed installed binary started with a folder argument.
    expect(
      protocolClientArgs({ ...base, development: false, argv: ['/opt/electron', '/tmp/x'] }),
    ).toEqual(['hakusho-reader']);
  });

  it('leaves the scheme to an installed copy in a development run unless asked', () => {
    expect(protocolClientArgs({ ...base, development: true })).toBeNull();
    // The flag must be an argument of its own, not part of another.
    expect(
      protocolClientArgs({
        ...base,
        development: true,
        argv: ['/opt/electron', '.', '--register-scheme=no'],
      }),
    ).toBeNull();
  });

  it('passes Electron and the app folder in a development run that asks', () => {
    const argv = ['/opt/electron', '.', '--register-scheme'];
    expect(protocolClientArgs({ ...base, argv, development: true })).toEqual([
      'hakusho-reader',
      '/opt/electron',
      [path.resolve('.')],
    ]);
    expect(
      protocolClientArgs({ ...base, argv, development: true, userDataDir: '/tmp/profile' }),
    ).toEqual([
      'hakusho-reader',
      '/opt/electron',
      [path.resolve('.'), '--user-data', '/tmp/profile'],
    ]);
  });
});

describe('DeepLinkInbox', () => {
  it('keeps the latest link until the window exists, then delivers at once', () => {
    const inbox = new DeepLinkInbox();
    inbox.receive({ sectionId: 'us-1' });
    inbox.receive(null);
    inbox.receive({ sectionId: 'us-2' });
    const deliver = vi.fn();
    inbox.attach(deliver);
    expect(deliver.mock.calls).toEqual([[{ sectionId: 'us-2' }]]);
    inbox.receive({ sectionId: 'us-3' });
    inbox.receive(null);
    expect(deliver.mock.calls).toEqual([[{ sectionId: 'us-2' }], [{ sectionId: 'us-3' }]]);
    expect(inbox.take()).toBeNull();
  });

  it('hands the waiting link to the first page load', () => {
    const inbox = new DeepLinkInbox();
    inbox.receive({ sectionId: 'canada' });
    expect(inbox.take()).toEqual({ sectionId: 'canada' });
    const deliver = vi.fn();
    inbox.attach(deliver);
    expect(deliver).not.toHaveBeenCalled();
  });
});
