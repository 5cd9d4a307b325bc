/** The code an HTTP answer's status means, in the words clients read in `extensions.code`. */
const CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

export function codeForStatus(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

export interface GraphQLHttpError {
  readonly status: number;
  readonly body: { readonly errors: readonly { message: string; extensions: { code: string } }[] };
}

/**
 * An HTTP refusal in GraphQL's own shape, so a client reads every answer the same way. A server
 * fault says nothing more than that: its detail is for the log.
 */
export function graphqlHttpError(status: number, message: string): GraphQLHttpError {
  const shown = status >= 500 ? 'Internal server error' : message;
  return { status, body: { errors: [{ message: shown, extensions: { code: codeForStatus(status) } }] } };
}
