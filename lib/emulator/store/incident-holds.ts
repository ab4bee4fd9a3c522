/** Incidents set off from the control plane that the simulator must not undo until they are recovered. */
export class IncidentHolds {
  /** Live events whose hosts the simulator must neither reconnect nor replace. */
  readonly hostDrops = new Set<string>();
  /** Live events the simulator must bring no new viewers into (those still watching may leave). */
  readonly audienceCrashes = new Set<string>();

  /** Lifts every hold on one live event. */
  lift(eventId: string): void {
    this.hostDrops.delete(eventId);
    this.audienceCrashes.delete(eventId);
  }

  clear(): void {
    this.hostDrops.clear();
    this.audienceCrashes.clear();
  }

  /** The held event ids, as the control plane's info lists them. */
  list(): { host_drops: string[]; audience_crashes: string[] } {
    return { host_drops: [...this.hostDrops], audience_crashes: [...this.audienceCrashes] };
  }
}
