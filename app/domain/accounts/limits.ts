/** Shared by the server's checks and the forms' constraints. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 120;
