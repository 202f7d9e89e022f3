/** Shared by the forms and the server's checks. */
export const MAX_FILES_PER_ATTEMPT = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_BYTES_PER_FELLOW = 200 * 1024 * 1024;
