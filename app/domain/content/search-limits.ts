/** Shared by the search form and the server. */
export const QUERY_MAX = 200;
