import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { appendAudit, verifyChain } from "@/lib/audit/store";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db";
import type { OpenDatabase } from "@/lib/db";
import { startThrowawayPostgres } from "../test/postgres";
import type { Figure } from "./figure";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function auditThroughput(name: string, database: OpenDatabase): Promise<Figure> {
  const writes = 500;
  const started = performance.now();
  // Eight writers at once, as several requests would be: the chain lock serializes them.
  for (let i = 0; i < writes; i += 8) {
    await Promise.all(
      Array.from({ length: 8 }, (_, j) =>
        appendAudit(database.db, { actorId: null, actorEmail: "bench@showrunner.local", action: "bench.write", targetId: String(i + j), outcome: "success" }),
      ),
    );
  }
  const perSecond = writes / ((performance.now() - started) / 1000);
  const chain = await verifyChain(database.db);
  return {
    name: `audit appends on ${name} (8 concurrent writers)`,
    value: `${perSecond.toFixed(0)} rows/s, chain ${chain.intact ? "intact" : "BROKEN"}`,
    budget: "—",
    ok: chain.intact,
  };
}

/** Sign-in hash cost and audit append throughput on PGlite and, when its binaries exist, Postgres. */
export async function databaseFigures(): Promise<Figure[]> {
  const hash = await hashPassword("bench password 123");
  const times: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const started = performance.now();
    await verifyPassword("bench password 123", hash);
    times.push(performance.now() - started);
  }
  const figures: Figure[] = [
    { name: "sign-in password check (Argon2id, 19 MiB, 2 passes, 1 lane)", value: `${median(times).toFixed(0)} ms median`, budget: "—", ok: true },
  ];

  figures.push(...(await onEachDatabase("bench", async (name, database) => [await auditThroughput(name, database)])));
  return figures;
}

/**
 * Runs `measure` on a fresh embedded database, then on a fresh database `databaseName` of a throwaway
 * Postgres server when its binaries exist, and gathers what both measured.
 */
export async function onEachDatabase<T>(databaseName: string, measure: (name: "PGlite" | "Postgres", database: OpenDatabase) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  const lite = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), `${databaseName}-`)) });
  try {
    results.push(...(await measure("PGlite", lite)));
  } finally {
    await lite.close();
  }
  // A server of its own each time: the vitest setup's (scripts/test/postgres.ts) is kept for the whole run.
  const server = await startThrowawayPostgres();
  if (server) {
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query(`create database ${databaseName}`);
      await client.end();
      const database = await openDatabase({ databaseUrl: server.url.replace(/\/[^/]*$/, `/${databaseName}`), dataDir: "" });
      try {
        results.push(...(await measure("Postgres", database)));
      } finally {
        await database.close();
      }
    } finally {
      server.stop();
    }
  }
  return results;
}
