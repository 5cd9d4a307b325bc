import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What a document asks for, counted with every fragment expanded (each fragment measured once). */
export interface DocumentMeasure {
  readonly rootFields: number;
  /** Fields, fragments expanded. */
  readonly selections: number;
  /** The estimated cost, after the demand-control rules of `@cost` and `@listSize`. */
  readonly cost: number;
}

export interface MeasureOptions {
  readonly variables: Record<string, unknown>;
  /** The size assumed for a list field without `@listSize`. */
  readonly defaultListSize: number;
  /** What a mutation's root field costs besides its selection (Apollo's and IBM's figure is 10). */
  readonly mutationCost?: number;
}

interface Measure {
  selections: number;
  cost: number;
}

/** Sized fields a connection passes down to its children (`@listSize(sizedFields: ["nodes"])`). */
type SizedFields = ReadonlyMap<string, number>;
const NO_SIZED_FIELDS: SizedFields = new Map();

/** Arguments of a directive on a schema element, as written in its SDL (code-first or SDL-first). */
function directiveArguments(
  element: { astNode?: { directives?: readonly ConstDirectiveNode[] } | null | undefined },
  name: string,
  schema: GraphQLSchema,
): Record<string, unknown> | undefined {
  const node = element.astNode?.directives?.find((directive) => directive.name.value === name);
  const definition = schema.getDirective(name);
  if (!node || !definition) return undefined;
  return getDirectiveValues(definition, { directives: [node] }) ?? undefined;
}

function isIncluded(node: { directives?: readonly unknown[] }, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  const selection = node as FieldNode;
  if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.['if'] !== false;
}

function listDepth(type: GraphQLOutputType): number {
  let depth = 0;
  for (let t = getNullableType(type); isListType(t); t = getNullableType(t.ofType)) depth++;
  return depth;
}

/**
 * Measures one operation of a document that has already been validated against `schema`.
 *
 * The cost follows federation's demand control (the IBM GraphQL Cost specification): a field of a
 * composite type costs 1, a leaf 0, unless `@cost(weight:)` on the field or its type says otherwise;
 * a list multiplies its selection by its size: the slicing argument given (`first`), else the
 * `assumedSize` of `@listSize`, else `defaultListSize`; `sizedFields` pass a connection's slicing
 * argument to its `nodes`; `_entities` is as long as its representations. Fragments are measured
 * once per operation, so a fragment fan-out costs its size to count, not its expansion.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  options: MeasureOptions,
): DocumentMeasure {
  const { variables, defaultListSize } = options;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measuredFragments = new Map<string, Measure>();

  const weightOf = (field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): number => {
    const weight =
      directiveArguments(field, 'cost', schema)?.['weight'] ??
      directiveArguments(type, 'cost', schema)?.['weight'];
    if (typeof weight === 'number') return weight;
    if (typeof weight === 'string' && Number.isFinite(Number(weight))) return Number(weight);
    return isCompositeType(type) ? 1 : 0;
  };

  const factorOf = (
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    sized: SizedFields,
  ): { factor: number; passDown: SizedFields } => {
    const fromParent = sized.get(field.name);
    if (fromParent !== undefined) return { factor: fromParent, passDown: NO_SIZED_FIELDS };
    const args = getArgumentValues(field, node, variables);
    if (field.name === '_entities' && Array.isArray(args['representations']))
      return { factor: args['representations'].length, passDown: NO_SIZED_FIELDS };
    const listSize = directiveArguments(field, 'listSize', schema);
    const depth = listDepth(field.type);
    if (!listSize) return { factor: depth > 0 ? defaultListSize ** depth : 1, passDown: NO_SIZED_FIELDS };
    const slicing = (listSize['slicingArguments'] as string[] | undefined) ?? [];
    const given = slicing
      .map((name) => args[name])
      .filter((value): value is number => typeof value === 'number');
    const assumed = typeof listSize['assumedSize'] === 'number' ? listSize['assumedSize'] : undefined;
    const size = given.length > 0 ? Math.max(...given) : (assumed ?? defaultListSize);
    const sizedFields = (listSize['sizedFields'] as string[] | undefined) ?? [];
    if (sizedFields.length > 0)
      return { factor: 1, passDown: new Map(sizedFields.map((name) => [name, size] as const)) };
    return { factor: Math.max(size, 0), passDown: NO_SIZED_FIELDS };
  };

  const measureSelectionSet = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType,
    sized: SizedFields,
  ): Measure => {
    const total: Measure = { selections: 0, cost: 0 };
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, variables)) continue;
      let part: Measure;
      if (selection.kind === Kind.FIELD) part = measureField(selection, parentType, sized);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        part = type ? measureSelectionSet(selection.selectionSet, type, sized) : { selections: 0, cost: 0 };
      } else part = measureFragment(selection.name.value, sized);
      total.selections += part.selections;
      total.cost += part.cost;
    }
    return total;
  };

  const measureFragment = (name: string, sized: SizedFields): Measure => {
    // Sized fields are rare under a spread; they are part of what the fragment's measure depends on.
    const key = sized.size === 0 ? name : `${name}|${JSON.stringify([...sized])}`;
    const known = measuredFragments.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    // A placeholder first: validation has refused cycles, but a measure must never loop.
    measuredFragments.set(key, { selections: 0, cost: 0 });
    const measure =
      fragment && type ? measureSelectionSet(fragment.selectionSet, type, sized) : { selections: 0, cost: 0 };
    measuredFragments.set(key, measure);
    return measure;
  };

  const measureField = (node: FieldNode, parentType: GraphQLNamedType, sized: SizedFields): Measure => {
    if (node.name.value.startsWith('__')) return { selections: 1, cost: 0 };
    const field =
      isObjectType(parentType) || isInterfaceType(parentType)
        ? parentType.getFields()[node.name.value]
        : undefined;
    if (!field) return { selections: 1, cost: 0 };
    const type = getNamedType(field.type);
    const { factor, passDown } = factorOf(field, node, sized);
    const children = node.selectionSet
      ? measureSelectionSet(node.selectionSet, type, passDown)
      : { selections: 0, cost: 0 };
    return { selections: 1 + children.selections, cost: factor * (weightOf(field, type) + children.cost) };
  };

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { rootFields: 0, selections: 0, cost: 0 };
  const rootFields = countRootFields(operation.selectionSet, fragments, variables, new Set());
  const measure = measureSelectionSet(operation.selectionSet, rootType, NO_SIZED_FIELDS);
  const mutationCost = operation.operation === 'mutation' ? rootFields * (options.mutationCost ?? 10) : 0;
  return { rootFields, selections: measure.selections, cost: measure.cost + mutationCost };
}

function countRootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (!isIncluded(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith('__') ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      count += countRootFields(selection.selectionSet, fragments, variables, seen);
    else if (!seen.has(selection.name.value)) {
      // Spreading one fragment twice at the root adds no field: the response has one key per name.
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += countRootFields(fragment.selectionSet, fragments, variables, seen);
    }
  }
  return count;
}

/**
 * Fields that return a list of objects with no `@listSize` to say how long it gets, as
 * `Type.field`: the cost limit would assume GRAPHQL_DEFAULT_LIST_SIZE for them. A connection's
 * sized field (`nodes`) and federation's `_entities` are sized by their callers.
 */
export function unsizedLists(schema: GraphQLSchema): string[] {
  const types = Object.values(schema.getTypeMap()).filter(
    (type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'),
  ) as (GraphQLObjectType | GraphQLInterfaceType)[];
  const sizedByCaller = new Set<string>();
  for (const type of types)
    for (const field of Object.values(type.getFields())) {
      const sizedFields = directiveArguments(field, 'listSize', schema)?.['sizedFields'];
      if (Array.isArray(sizedFields))
        for (const name of sizedFields) sizedByCaller.add(`${getNamedType(field.type).name}.${String(name)}`);
    }
  return types.flatMap((type) =>
    Object.values(type.getFields())
      .filter(
        (field) =>
          listDepth(field.type) > 0 &&
          isCompositeType(getNamedType(field.type)) &&
          field.name !== '_entities' &&
          !sizedByCaller.has(`${type.name}.${field.name}`) &&
          directiveArguments(field, 'listSize', schema) === undefined,
      )
      .map((field) => `${type.name}.${field.name}`),
  );
}
