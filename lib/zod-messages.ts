// zod/mini ships without messages: a check with no message of ours would read only "Invalid input" in the
// browser. Registering the English ones full zod uses by default makes a schema say the same on both sides.
import { en } from "zod/locales";
import { config } from "zod/mini";

config(en());
