import type { Projection, ReadModels, TableResolver } from './projection.js';

/** Physical name of a logical table in one generation of the read model. */
export function physicalTable(logical: string, generation: number): string {
  return `${logical}__g${generation}`;
}

/** Resolves only the tables the projection declared, so that every table it writes is rebuilt and dropped with it. */
export function tablesOfGeneration(projection: Projection, generation: number): TableResolver {
  const owned = new Set(projection.tables);
  return (logical) => {
    if (!owned.has(logical))
      throw new Error(
        `projection "${projection.name}" does not declare the table "${logical}" in its tables`,
      );
    return physicalTable(logical, generation);
  };
}

/** Creates a generation's tables afresh; leftovers of an interrupted rebuild of the same generation go first. */
export async function createGenerationTables(
  db: ReadModels,
  projection: Projection,
  generation: number,
): Promise<void> {
  await dropGenerationTables(db, projection, generation);
  await projection.migrate(db, tablesOfGeneration(projection, generation));
}

/** Dropping a table drops its indexes too. */
export async function dropGenerationTables(
  db: ReadModels,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const logical of projection.tables)
    await db.schema.dropTable(physicalTable(logical, generation)).ifExists().execute();
}

/** Readers query the logical names; re-pointing these views is what switches them to another generation. */
export async function pointViewsAt(
  db: ReadModels,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const logical of projection.tables) {
    await db.schema.dropView(logical).ifExists().execute();
    await db.schema
      .createView(logical)
      .as(db.selectFrom(physicalTable(logical, generation)).selectAll())
      .execute();
  }
}
