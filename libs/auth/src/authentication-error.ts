/**
 * A token or Authorization header that proves nothing. The message tells the client what is wrong
 * with what it sent; it never carries a stack or the token itself.
 */
export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
