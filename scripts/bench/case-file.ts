import { percentile } from "./figure";
import type { Figure } from "./figure";

const hour = 3_600_000;

/**
 * The case file of a user with 200 participations and 500 direct calls, rendered by the console with 50 ms
 * of latency on every Sendbird request (the emulator's fault injection), to the last streamed byte. The
 * console's own activity sync indexes the new events within a pass or two (a minute apart by default).
 */
export async function caseFileFigure(opts: { consoleBase: string; emulatorBase: string; master: Record<string, string>; cookie: string }): Promise<Figure> {
  const { consoleBase, emulatorBase, master } = opts;
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(emulatorBase + path, {
      method,
      headers: { ...master, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const userId = "bench-case-file";
  await send("POST", "/v3/users", { user_id: userId, nickname: "Bench case file", profile_url: "" });
  const { users } = (await send("GET", "/v3/users?limit=20")) as { users: { user_id: string }[] };
  const others = users.map((u) => u.user_id).filter((id) => id !== userId);
  const results = ["completed", "completed", "completed", "declined", "no_answer", "canceled", "connection_lost", "timed_out"];
  const now = Date.now();
  for (let i = 0; i < 500; i += 1) {
    const other = others[i % others.length] ?? "nobody";
    const [caller_id, callee_id] = i % 2 === 0 ? [userId, other] : [other, userId];
    await send("POST", "/__emulator/direct-calls", {
      caller_id,
      callee_id,
      end_result: results[i % results.length],
      duration: 60_000,
      started_at: now - (i + 1) * hour,
    });
  }
  for (let i = 0; i < 200; i += 1) {
    const { live_event: event } = (await send("POST", "/v1/live-events", {
      host_type: "single_host",
      user_ids_for_host: [others[0] ?? "host"],
      title: `Bench event ${i}`,
    })) as {
      live_event: { live_event_id: string };
    };
    const id = event.live_event_id;
    await send("POST", `/v1/live-events/${id}/ready`, {});
    await send("POST", `/__emulator/live-events/${id}/participants/join`, { user_ids: [userId] });
    await send("POST", `/__emulator/live-events/${id}/participants/leave`, { user_ids: [userId] });
    await send("DELETE", `/v1/live-events/${id}`);
  }
  // The console's background sync reads the new events within a pass or two.
  const page = `${consoleBase}/users/${userId}`;
  const headers = { cookie: opts.cookie };
  const started = Date.now();
  for (;;) {
    const html = await (await fetch(page, { headers })).text();
    if ((html.match(/Bench event \d+/g) ?? []).length >= 200) break;
    if (Date.now() - started > 180_000) throw new Error("the console's activity sync did not index the bench events within 3 minutes");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const faults = [
    await send("POST", "/__emulator/faults", { path: "/v1/*", latency_ms: 50 }),
    await send("POST", "/__emulator/faults", { path: "/v3/*", latency_ms: 50 }),
  ];
  try {
    const times: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const t0 = performance.now();
      const res = await fetch(page, { headers });
      const html = await res.text();
      if (!res.ok || !html.includes("Bench event 199")) throw new Error(`the case file did not render (HTTP ${res.status})`);
      if (i >= 2) times.push(performance.now() - t0);
    }
    const p50 = percentile(times, 50);
    return {
      name: "case file of a user with 200 participations and 500 calls, 50 ms emulator latency (server render, whole streamed response)",
      value: `${p50.toFixed(0)} ms p50, ${percentile(times, 95).toFixed(0)} ms p95`,
      budget: "≤ 400 ms",
      ok: p50 <= 400,
      row: "caseFile",
    };
  } finally {
    for (const f of faults) await fetch(`${emulatorBase}/__emulator/faults/${(f.fault as { id: string }).id}`, { method: "DELETE", headers: master });
  }
}
