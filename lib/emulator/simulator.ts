import { createCall } from "./store/direct-calls";
import { hostEnter, moveHost, participantsJoin, participantsLeave } from "./store/live-sdk";
import { activeHosts, participantCount } from "./store/serialize";
import type { Store } from "./store/store";
import { endResults } from "@/lib/sendbird/schemas";

/**
 * Keeps the demo world alive: audiences come and go, hosts drop and reconnect, new calls appear. Incidents
 * held in `store.incidents` are left alone: no joins into a crashed audience, no host moves after a host drop.
 */
export class Simulator {
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  /** The audience each on-air event drifts around: what it had when first seen, so a seeded crowd does not drain away as if it crashed. */
  private readonly targets = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly intervalMs = 2000,
    private readonly random: () => number = Math.random,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One step of simulated client activity. */
  tick(): void {
    this.ticks += 1;
    const pick = (n: number) => Math.floor(this.random() * n);
    const held = this.store.incidents;
    for (const event of this.store.liveEventOrder) {
      if (event.state !== "ongoing") {
        this.targets.delete(event.live_event_id);
        continue;
      }
      const present = participantCount(event);
      const target = this.targetOf(event.live_event_id, present);
      const joins = pick(present < target ? 6 : 3);
      const leaves = pick(present > target ? 6 : 3);
      // A crashed audience stays away until the operator recovers the event; those still watching may leave.
      if (joins > 0 && !held.audienceCrashes.has(event.live_event_id)) participantsJoin(this.store, event.live_event_id, { count: joins }, pick);
      if (leaves > 0 && present > 0) {
        const leaving = event.participants.filter((p) => p.exited_at === null);
        const chosen = Array.from({ length: Math.min(leaves, leaving.length) }, () => leaving[pick(leaving.length)]?.user_id ?? "");
        participantsLeave(this.store, event.live_event_id, { user_ids: chosen });
      }
      // Dropped hosts stay off the air, and nobody takes their place, until the operator recovers the event.
      if (!held.hostDrops.has(event.live_event_id)) this.moveHosts(event.live_event_id, pick);
    }
    if (this.ticks % 5 === 0) this.newCall(pick);
  }

  private targetOf(eventId: string, present: number): number {
    const known = this.targets.get(eventId);
    if (known !== undefined) return known;
    const target = present > 0 ? present : 10 + (eventId.charCodeAt(0) % 40);
    this.targets.set(eventId, target);
    return target;
  }

  private moveHosts(eventId: string, pick: (n: number) => number): void {
    const event = this.store.liveEvents.get(eventId);
    if (!event) return;
    const hosts = activeHosts(event);
    if (hosts.length === 0) {
      const candidate = event.user_ids_for_host.find((id) => this.store.users.has(id));
      if (candidate) moveHost(this.store, eventId, hostEnter(this.store, eventId, { user_id: candidate }).host_id, "connect");
      return;
    }
    for (const host of hosts) {
      if (host.state === "connected" && pick(100) < 3) moveHost(this.store, eventId, host.host_id, "disconnect");
      else if (host.state !== "connected" && pick(100) < 40) moveHost(this.store, eventId, host.host_id, "connect");
    }
  }

  private newCall(pick: (n: number) => number): void {
    const users = this.store.userOrder.filter((u) => u.is_active);
    if (users.length < 2) return;
    const caller = users[pick(users.length)];
    const callee = users[pick(users.length)];
    if (!caller || !callee || caller === callee) return;
    const result = pick(10) < 6 ? "completed" : (endResults[pick(endResults.length)] ?? "completed");
    createCall(this.store, { caller_id: caller.user_id, callee_id: callee.user_id, end_result: result, duration: 5_000 + pick(600_000) });
  }
}
