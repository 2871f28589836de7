/**
 * A cursor-paginated list: `for await (const item of list)` walks every item across pages,
 * `list.pages()` walks the pages themselves. Nothing is fetched until iteration starts.
 */
export interface PagedList<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

export function pagedList<Item, Page extends { NextCursor?: unknown }>(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => Item[],
): PagedList<Item, Page> {
  async function* pages(): AsyncGenerator<Page> {
    let cursor: string | undefined;
    do {
      const page = await fetchPage(cursor);
      yield page;
      // NextCursor is an opaque string, or null on the last page.
      cursor = typeof page.NextCursor === 'string' && page.NextCursor !== '' ? page.NextCursor : undefined;
    } while (cursor !== undefined);
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* itemsOf(page);
    },
  };
}
