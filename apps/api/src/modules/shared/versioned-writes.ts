import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The writes every dossier table shares: insert returning the new id, and update/delete guarded
 * by optimistic locking (ADR 0005). A `false` result means the row is gone or moved on.
 */
export async function insertReturningId<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
): Promise<string> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values)
    .returning('id')
    .execute();
  return (result.raw as { id: string }[])[0].id;
}

/** `UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :version [AND extra]`. */
export async function updateAtVersion<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  values: Partial<T>,
  extraCondition?: string,
): Promise<boolean> {
  const where =
    'id = :id AND version = :version' + (extraCondition ? ` AND ${extraCondition}` : '');
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, version: () => 'version + 1' } as never)
    .where(where, { id, version })
    .execute();
  return result.affected === 1;
}

/** `DELETE FROM <table> WHERE id = $1 AND version = $2`. `table` is a constant, never input. */
export async function deleteAtVersion(
  manager: EntityManager,
  table: 'zones' | 'parks' | 'buildings',
  id: string,
  version: number,
): Promise<boolean> {
  const result = await manager.query(`DELETE FROM ${table} WHERE id = $1 AND version = $2`, [
    id,
    version,
  ]);
  return (result as [unknown, number])[1] === 1;
}
