import { buildSchema } from 'graphql';

/** A small graph shaped like ours: units with children, procedures by connection, federation's cost directives. */
export const guardedTypeDefs = `
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION

  type Query {
    unit(id: ID!): Unit
    units: [Unit!]! @listSize(assumedSize: 100)
    procedures(first: Int): ProcedureConnection! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)
    tags: [String!]!
    unbounded: [Unit!]!
    expensive: Report
    _entities(representations: [String!]!): [Unit]!
  }

  type Mutation {
    rename(id: ID!, name: String!): Unit
  }

  type Unit {
    id: ID!
    name: String!
    parent: Unit
    children: [Unit!]! @listSize(assumedSize: 15)
    head: Official @cost(weight: 5)
  }

  type Official { id: ID! }

  type Report @cost(weight: 50) { total: Int! }

  type ProcedureConnection {
    totalCount: Int!
    nodes: [Procedure!]!
  }

  type Procedure {
    id: ID!
    requirements: [String!]! @listSize(assumedSize: 20)
  }
`;

export const guardedSchema = buildSchema(guardedTypeDefs);
