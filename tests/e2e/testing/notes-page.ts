// What the notes and accessibility tests do with the reader page: select a passage by
// paragraph offsets, read boxes of elements, and read a node of the accessibility tree
// (role, name, description) as Chromium exposes it to screen readers. In-page code is
// passed as strings: this file is compiled without DOM types.
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Selects from `start` in paragraph `from` to `end` in paragraph `to` (UTF-16 offsets
 * into their display text), as a reader's drag would.
 */
export async function selectPassage(
  page: Page,
  from: string,
  start: number,
  end: number,
  to: string = from,
): Promise<void> {
  await page.evaluate(`(() => {
    const point = (id, offset) => {
      const p = document.querySelector('main p[data-paragraph-id="' + id + '"]');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (offset <= seen + n.length) return [n, offset - seen];
        seen += n.length;
      }
      throw new Error('offset ' + offset + ' beyond paragraph ' + id);
    };
    const range = document.createRange();
    range.setStart(...point(${JSON.stringify(from)}, ${start}));
    range.setEnd(...point(${JSON.stringify(to)}, ${end}));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })()`);
}

/** The client rects of the current selection. */
export async function selectionRects(page: Page): Promise<Box[]> {
  return page.evaluate<Box[]>(`[...getSelection().getRangeAt(0).getClientRects()]
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }))`);
}

/** The client rects of every element matching `selector` (each line box of inline ones). */
export async function rectsOf(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate<Box[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .flatMap((el) => [...el.getClientRects()])
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }))`);
}

export function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.right - 0.5 &&
    b.left < a.right - 0.5 &&
    a.top < b.bottom - 0.5 &&
    b.top < a.bottom - 0.5
  );
}

export function inside(a: Box, bounds: Box): boolean {
  return (
    a.left >= bounds.left - 0.5 &&
    a.right <= bounds.right + 0.5 &&
    a.top >= bounds.top - 0.5 &&
    a.bottom <= bounds.bottom + 0.5
  );
}

export interface AxNode {
  role: string;
  name: string;
  description: string;
  /** Exposed as unavailable (disabled, or aria-disabled). */
  disabled: boolean;
}

/** The accessibility-tree node of the first element matching `selector`. */
export async function axNode(page: Page, selector: string): Promise<AxNode> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    });
    const node = nodes[0];
    const text = (v: { value?: unknown } | undefined) =>
      v?.value === undefined ? '' : String(v.value);
    const disabled = node?.properties?.some((p) => p.name === 'disabled' && p.value.value === true);
    return {
      role: text(node?.role),
      name: text(node?.name),
      description: text(node?.description),
      disabled: disabled === true,
    };
  } finally {
    await cdp.detach();
  }
}

/** The text of the toast (the polite status message), once it says something. */
export async function toastText(page: Page): Promise<string> {
  const toast = page.locator('.toast span');
  await toast.waitFor();
  return (await toast.textContent()) ?? '';
}

/** The element that has focus: its tag, class and data attributes, for assertions. */
export async function focused(
  page: Page,
): Promise<{ tag: string; className: string; data: Record<string, string> }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    return { tag: el.tagName.toLowerCase(), className: String(el.className), data: { ...el.dataset } };
  })()`);
}
