import { z } from "zod";

/** Metadata items as the metadata endpoints answer them: a flat object of keys and values. */
export const metadataItemsSchema = z.record(z.string(), z.string());
