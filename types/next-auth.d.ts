import type { Role } from "@/lib/db/schema";

declare module "next-auth" {
  interface User {
    role: Role;
    sv: number;
    mustChangePassword: boolean;
  }
  interface Session {
    user: { id: string; role: Role; sv: number; email?: string | null; name?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    /** The account's session version when this session was issued. */
    sv: number;
    /** This session's own id, so signing out can end it on the server (lib/auth/store.ts). */
    sid: string;
    signedInAt: number;
    lastActive: number;
  }
}
