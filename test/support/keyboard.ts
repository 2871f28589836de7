import type { Page } from 'playwright-core';

/** The page's globals used in `page.evaluate` below (the test program is compiled without the DOM lib). */
interface PageElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  labels?: { textContent: string | null }[] | null;
}
declare const document: {
  activeElement: PageElement | null;
  body: PageElement;
  getElementById(id: string): PageElement | null;
};

/** What a keyboard user would hear for the focused element: its label, ARIA name or text. */
export interface Focused {
  tag: string;
  name: string;
  /** The focused element matches this selector, if one was given. */
  matches: boolean;
}

export function focused(page: Page, selector?: string): Promise<Focused> {
  return page.evaluate((selector) => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', matches: false };
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled.split(' ')[0])?.textContent : null) ??
      el.labels?.[0]?.textContent ??
      el.textContent ??
      '';
    return {
      tag: el.tagName.toLowerCase(),
      name: name.replace(/\s+/g, ' ').trim(),
      matches: selector ? el.matches(selector) : false,
    };
  }, selector);
}

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element's name matches `target` (or,
 * for a string starting with `css=`, the element matches that selector); fails naming the
 * stops it went through, so a missing tab stop is easy to find.
 */
export async function tabTo(
  page: Page,
  target: RegExp | string,
  options: { max?: number; back?: boolean } = {},
) {
  const selector = typeof target === 'string' ? target.replace(/^css=/, '') : undefined;
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page, selector);
    if (selector ? now.matches : (target as RegExp).test(now.name)) return now;
    seen.push(`${now.tag}:${now.name.slice(0, 40)}`);
  }
  throw new Error(`Tab never reached ${String(target)}; stops: ${seen.join(' | ')}`);
}
