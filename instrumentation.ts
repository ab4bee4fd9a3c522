// Runs once when a console server starts, before it serves (lib/startup.ts says what it does). The import sits
// inside the runtime check, as Next.js documents, so only the Node.js server loads it: the Edge build never
// compiles it, and the build itself never opens the database.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startConsole } = await import("@/lib/startup");
    await startConsole();
  }
}
