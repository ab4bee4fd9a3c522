// No "server-only": the browser's queries read the console's route handlers with it. It holds no secret.
import { ConsoleAnswerError, readAnswer } from "@/lib/api/answers";

/**
 * GET a console route handler's JSON answer for a query: the body as the handler's type, or a
 * ConsoleAnswerError in plain words (status 0 when the console could not be reached). `signal` is the
 * query's, so a cancelled query (Pause, a newer search) drops its request.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ConsoleAnswerError("The console could not be reached. Check the connection.", 0);
  }
  return readAnswer<T>(response, (status) => `The console answered HTTP ${status}.`);
}
