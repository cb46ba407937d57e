/** The indexer API client: `createIndexerClient`, its error class and the response schemas/types. */
export * from "./analytics-schemas";
export * from "./client";
export * from "./errors";
export * from "./schemas";
export { ticketCheckSchema, type TicketCheck } from "../ticket-check/schema";
