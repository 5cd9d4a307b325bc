import { GraphQLError } from 'graphql';

/** `EnrollUnitInPilot` as a reader says it: "enroll unit in pilot". */
function wordsOf(action: string): string {
  return action.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** Errors resolvers throw for the edge's own rules. */
export const apiError = {
  /** A role that may never take this action ("an auditor may not rename unit"). */
  roleMayNot: (role: string, action: string, where?: string) =>
    new GraphQLError(
      `${article(role)} ${role} may not ${wordsOf(action)}${where === undefined ? '' : ` for ${where}`}`,
      { extensions: { code: 'FORBIDDEN' } },
    ),
  forbidden: (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } }),
  unauthenticated: (message: string) =>
    new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } }),
  notFound: (message: string) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } }),
  badInput: (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }),
};
