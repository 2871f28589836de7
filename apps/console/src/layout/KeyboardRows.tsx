import { useEffect } from 'react';

/** Rows react-admin opens on click (`rowClick`): DataTable's and the older Datagrid's. */
const CLICKABLE_ROWS = 'tr.RaDataTable-clickableRow, tr.RaDatagrid-clickableRow';

const makeFocusable = (root: ParentNode) => {
  root.querySelectorAll<HTMLTableRowElement>(CLICKABLE_ROWS).forEach((row) => {
    if (!row.hasAttribute('tabindex')) row.tabIndex = 0;
  });
};

/**
 * react-admin's clickable list rows answer the mouse only. This makes every such row in the
 * console reachable with Tab and opened with Enter, in one place rather than in each of the
 * lists (decision 0029). A key press inside the row (a checkbox, a link, a button) is left to
 * that control.
 */
export const KeyboardRows = () => {
  useEffect(() => {
    makeFocusable(document);
    // One pass per frame however many nodes React changed in it.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        makeFocusable(document);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const onKeyDown = (event: KeyboardEvent) => {
      const row = event.target instanceof HTMLElement ? event.target : null;
      if (event.key !== 'Enter' || !row?.matches(CLICKABLE_ROWS)) return;
      event.preventDefault();
      row.click();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
  return null;
};
