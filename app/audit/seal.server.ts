// Rows written before the hash chain existed (a region upgrading) get their prevHash and hash
// here, in id order: the one UPDATE the triggers allow, and only on a row whose hash is NULL
// (migration 20261204000100_audit_chain). Run by `npm run db:migrate` after the migrations;
// nothing to do on a new or already sealed database.
import type { Db } from "~/db.server";
import { CHAIN_COLUMNS, CHAIN_TABLES, EMPTY_HEAD, rowHash, type ChainTable, type StoredRow } from "./chain";

const PAGE = 5_000;

async function sealTable(db: Db, table: ChainTable): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // The no-op write takes the write lock first (see chainHead in app/audit.server.ts).
      await tx.$executeRawUnsafe(`UPDATE "${table}" SET "id" = "id" WHERE 0`);
      const [sealed] = await tx.$queryRawUnsafe<{ id: number | bigint | null; hash: string | null }[]>(
        `SELECT "id", "hash" FROM "${table}" WHERE "hash" IS NOT NULL ORDER BY "id" DESC LIMIT 1`,
      );
      let lastHash = sealed?.hash ?? EMPTY_HEAD.hash;
      let lastId = sealed?.id == null ? 0 : Number(sealed.id);
      let count = 0;
      const columns = CHAIN_COLUMNS[table].map((c) => (c === "at" ? `CAST("at" AS TEXT) AS "at"` : `"${c}"`));
      for (;;) {
        const page = await tx.$queryRawUnsafe<Record<string, string | number | bigint | null>[]>(
          `SELECT ${columns.join(", ")} FROM "${table}" WHERE "id" > ? AND "hash" IS NULL ORDER BY "id" LIMIT ${PAGE}`,
          lastId,
        );
        for (const raw of page) {
          const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as StoredRow;
          const hash = rowHash(table, row, lastHash);
          await tx.$executeRawUnsafe(`UPDATE "${table}" SET "prevHash" = ?, "hash" = ? WHERE "id" = ?`, lastHash, hash, row.id);
          lastHash = hash;
          lastId = row.id;
          count++;
        }
        if (page.length < PAGE) return count;
      }
    },
    { timeout: 10 * 60_000 },
  );
}

/** Seals every unsealed row of both chains; returns how many rows of each were sealed. */
export async function sealLegacyRows(db: Db): Promise<Record<ChainTable, number>> {
  const sealed = {} as Record<ChainTable, number>;
  for (const table of CHAIN_TABLES) sealed[table] = await sealTable(db, table);
  return sealed;
}
