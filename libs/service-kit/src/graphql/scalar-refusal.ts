/**
 * A value one of our scalars cannot read. Thrown as a plain error, not a GraphQLError, so that
 * graphql-js attaches the literal's place in the document; the error formatter answers it as
 * BAD_USER_INPUT naming the argument.
 */
export class ScalarRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
