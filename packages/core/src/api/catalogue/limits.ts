/** How much a search asks for, at most (the BFF's query schema and the offline search alike). */
export const MAX_SEARCH_LENGTH = 100
export const MAX_PAGE = 1000
export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 20
