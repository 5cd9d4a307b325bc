import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { measureOperation, unsizedLists, type DocumentMeasure } from './document-measure.js';
import { guardedSchema } from './testing-schema.js';

function measure(query: string, variables: Record<string, unknown> = {}): DocumentMeasure {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(guardedSchema, document, operation, { variables, defaultListSize: 10 });
}

/** `{ unit(id: "x") { children { parent { children { … } } } } }`, `levels` deep. */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = levels; level > 0; level--)
    selection = `${level % 2 === 1 ? 'children' : 'parent'} { ${selection} }`;
  return `{ unit(id: "country/kg") { ${selection} } }`;
}

/** A fragment that spreads the previous one twice, `levels` times over: 2^levels fields once expanded. */
function fanOut(levels: number): string {
  const fragments = ['fragment F0 on Unit { id }'];
  for (let level = 1; level <= levels; level++)
    fragments.push(`fragment F${level} on Unit { ...F${level - 1} ...F${level - 1} }`);
  return `{ unit(id: "x") { ...F${levels} } } ${fragments.join(' ')}`;
}

describe('measuring an operation', () => {
  it('counts an object 1 and a leaf nothing', () => {
    expect(measure('{ unit(id: "x") { id name parent { id } } }')).toEqual({
      rootFields: 1,
      selections: 5,
      cost: 2,
    });
  });

  it('multiplies a list by its assumed size, and nested lists by each', () => {
    expect(measure('{ units { id } }').cost).toBe(100);
    expect(measure('{ units { children { id } } }').cost).toBe(100 * (1 + 15));
  });

  it('takes the slicing argument over the assumed size, from a variable too, and passes it to the sized field', () => {
    expect(measure('{ procedures(first: 5) { totalCount nodes { id } } }').cost).toBe(1 + 5);
    expect(measure('query ($n: Int) { procedures(first: $n) { nodes { id } } }', { n: 40 }).cost).toBe(
      1 + 40,
    );
    expect(measure('{ procedures(first: 2) { nodes { requirements } } }').cost).toBe(1 + 2);
  });

  it('assumes the default list size where the schema gives none', () => {
    expect(measure('{ procedures { nodes { id } } }').cost).toBe(1 + 10);
    expect(measure('{ unbounded { id } }').cost).toBe(10);
  });

  it('weighs a field or a type as @cost says', () => {
    expect(measure('{ unit(id: "x") { head { id } } }').cost).toBe(1 + 5);
    expect(measure('{ expensive { total } }').cost).toBe(50);
  });

  it('adds 10 for each mutation', () => {
    expect(
      measure('mutation { a: rename(id: "x", name: "A") { id } b: rename(id: "y", name: "B") { id } }'),
    ).toMatchObject({
      rootFields: 2,
      cost: 2 * (1 + 10),
    });
  });

  it('leaves out what @skip and @include leave out', () => {
    expect(
      measure('query ($all: Boolean!) { units @include(if: $all) { id } unit(id: "x") { id } }', {
        all: false,
      }).cost,
    ).toBe(1);
  });

  it('sizes federation entities by their representations', () => {
    expect(
      measure('query ($r: [String!]!) { _entities(representations: $r) { id } }', { r: ['a', 'b', 'c'] })
        .cost,
    ).toBe(3);
  });

  it('grows the nested query of the report exponentially in cost, not in work', () => {
    expect(measure(nested(4)).cost).toBe(1 + 15 * (1 + 1 * (1 + 15 * (1 + 1))));
    expect(measure(nested(24)).cost).toBeGreaterThan(1e12);
  });

  it('counts a 2^40 fragment fan-out without expanding it (expanding would never end)', () => {
    expect(measure(fanOut(40)).selections).toBe(1 + 2 ** 40);
  });

  it('counts root fields with fragments expanded, a fragment spread twice only once', () => {
    expect(
      measure('{ ...Roots ...Roots tags } fragment Roots on Query { units { id } a: units { id } }')
        .rootFields,
    ).toBe(3);
  });
});

describe('lists the schema does not size', () => {
  it('names each list of objects without @listSize, leaving out connection nodes and entities', () => {
    expect(unsizedLists(guardedSchema)).toEqual(['Query.unbounded']);
  });
});
