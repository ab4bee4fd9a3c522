import { signInFrom } from "../test/sign-in-request";
import { startConsole, stop, waitFor } from "./console-process";
import { percentile } from "./figure";
import type { Figure } from "./figure";

const port = 3310;
const emulatorPort = 8410;
const floodSize = 200;
const rounds = 5;

/**
 * A real sign-in while 200 failed ones arrive at once from another address, each claiming a new
 * X-Forwarded-For (the flood that once made a real sign-in take 41 s), against the same sign-in on a quiet
 * console. The flood comes from 127.0.0.1 and the owner from 127.0.0.2: two clients on one machine.
 */
export async function signInFloodFigures(): Promise<Figure[]> {
  const child = startConsole(port, emulatorPort, { SHOWRUNNER_SYNC_INTERVAL_S: "0", SHOWRUNNER_SAMPLE_INTERVAL_S: "0" });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const owner = () => signInFrom("127.0.0.2", base, "admin@showrunner.local", "showrunner-demo");
    const timed = async () => {
      const started = performance.now();
      const answer = await owner();
      if (answer.status !== 200 || answer.error) throw new Error(`the real sign-in was refused: HTTP ${answer.status} ${answer.error}`);
      return performance.now() - started;
    };
    await timed();
    const quiet: number[] = [];
    for (let i = 0; i < rounds; i += 1) quiet.push(await timed());
    const during: number[] = [];
    let refused = 0;
    for (let i = 0; i < rounds; i += 1) {
      const flood = Array.from({ length: floodSize }, (_, n) =>
        signInFrom("127.0.0.1", base, `flood-${i}-${n}@bench.test`, "not the password", `10.${i}.${n % 250}.${n % 7}`).catch(() => ({
          status: 0,
          error: "dropped",
        })),
      );
      // Let the flood arrive first, as a real sign-in would meet it.
      await new Promise((r) => setTimeout(r, 20));
      during.push(await timed());
      refused += (await Promise.all(flood)).filter((a) => a.status === 429).length;
    }
    return [
      {
        name: `a real sign-in during a flood of ${floodSize} concurrent failed sign-ins from another address (each claiming a new X-Forwarded-For)`,
        value: `${percentile(during, 50).toFixed(0)} ms p50, ${Math.max(...during).toFixed(0)} ms worst of ${rounds} (quiet: ${percentile(quiet, 50).toFixed(0)} ms p50); ${Math.round((refused / (floodSize * rounds)) * 100)} % of the flood refused with 429`,
        budget: "—",
        ok: true,
      },
    ];
  } finally {
    await stop(child);
  }
}
