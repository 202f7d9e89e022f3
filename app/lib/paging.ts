export const PAGE_SIZE = 50;

/** One page of a list, from the `page` search parameter (1-based, clamped to the pages there are). */
export function paginate<T>(items: T[], search: URLSearchParams, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pages, Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1));
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}
