import { describe, expect, it } from 'vitest';
import type { Prefs } from '../../../../electron/common/api/types';
import { fakeApi } from '../testing/fake-api';
import { FONT_SIZE_PRESETS, PrefsState } from './prefs.svelte';

const STORED: Prefs = {
  theme: 'sepia',
  fontSize: 20,
  writingMode: 'vertical',
  language: 'en',
  fontFamily: 'sans',
  copyCitation: false,
  readingMode: 'paged',
  autospace: false,
  searchOrder: 'document',
};

describe('preferences state', () => {
  it('takes the stored preferences at start', () => {
    const state = new PrefsState(fakeApi({}).client);
    state.load(STORED);
    expect({
      theme: state.theme,
      fontSize: state.fontSize,
      writingMode: state.writingMode,
      language: state.language,
      fontFamily: state.fontFamily,
      copyCitation: state.copyCitation,
      readingMode: state.readingMode,
      autospace: state.autospace,
      searchOrder: state.searchOrder,
    }).toEqual(STORED);
    expect(state.vertical).toBe(true);
    expect(state.paged).toBe(true);
  });

  it('applies a change at once and writes only the change through', async () => {
    const fake = fakeApi({ setPrefs: (patch) => ({ ...STORED, ...patch }) });
    const state = new PrefsState(fake.client);
    const writing = state.update({ theme: 'dark' });
    expect(state.theme).toBe('dark');
    await writing;
    expect(fake.argsOf('setPrefs')).toEqual([{ theme: 'dark' }]);
    expect(state.saveError).toBeNull();
  });

  it('keeps the choice and reports a failed write; the next good write clears the report', async () => {
    let fail = true;
    const fake = fakeApi({
      setPrefs: (patch) => {
        if (fail) throw new Error('database is locked');
        return { ...STORED, ...patch };
      },
    });
    const state = new PrefsState(fake.client);
    await state.update({ writingMode: 'vertical' });
    expect(state.writingMode).toBe('vertical');
    expect(state.saveError).toBe('database is locked');
    fail = false;
    await state.update({ language: 'en' });
    expect(state.saveError).toBeNull();
  });

  it('follows the OS colour scheme while the theme is automatic', () => {
    const state = new PrefsState(fakeApi({}).client);
    state.theme = 'system';
    state.osDark = true;
    expect(state.resolvedTheme).toBe('dark');
    state.osDark = false;
    expect(state.resolvedTheme).toBe('light');
    state.theme = 'sepia';
    state.osDark = true;
    expect(state.resolvedTheme).toBe('sepia');
  });

  it('steps the text size through the presets, writing nothing at either end', async () => {
    const fake = fakeApi({ setPrefs: (patch) => ({ ...STORED, ...patch }) });
    const state = new PrefsState(fake.client);
    const last = FONT_SIZE_PRESETS[FONT_SIZE_PRESETS.length - 1]!;
    state.load({ ...STORED, fontSize: last });
    await state.stepFontSize(1);
    expect(state.fontSize).toBe(last);
    await state.stepFontSize(-1);
    expect(state.fontSize).toBe(FONT_SIZE_PRESETS[FONT_SIZE_PRESETS.length - 2]);
    // A size stored between presets (an older build's 17) moves to its neighbours.
    state.load({ ...STORED, fontSize: 17 });
    await state.stepFontSize(1);
    expect(state.fontSize).toBe(18);
    state.load({ ...STORED, fontSize: FONT_SIZE_PRESETS[0]! });
    await state.stepFontSize(-1);
    expect(fake.argsOf('setPrefs')).toEqual([
      { fontSize: FONT_SIZE_PRESETS[FONT_SIZE_PRESETS.length - 2] },
      { fontSize: 18 },
    ]);
  });
});
