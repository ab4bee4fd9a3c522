// No "server-only": only numbers live here, no secret and no I/O; the scripts and tests import them as well.

/**
 * The Postgres advisory locks the console takes, one number each, in one place so no two jobs ever share one:
 * instances wait only for the same job on another instance.
 */
export const lockKeys = {
  /** Applying migrations at start-up. */
  migrations: 727_001,
  /** Appending to the audit trail's hash chain. */
  audit: 727_002,
  /** Account changes that must keep at least one active admin. */
  accounts: 727_003,
  /** One audience-sampling round at a time. */
  sampler: 727_004,
  /** One activity-sync pass at a time (held for the whole pass). */
  sync: 727_005,
  /** One count of direct calls for the calls overview at a time. */
  callCounts: 727_006,
  /** One round of the alert evaluator at a time. */
  alerts: 727_007,
} as const;
