/** A FORBIDDEN error as a BFF answers it: its message, its full path, its code. */
export const forbiddenError = (message: string, path: (string | number)[]) => ({
  message,
  path,
  extensions: { code: 'FORBIDDEN' },
});
