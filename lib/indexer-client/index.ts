/** The indexer API client: `createIndexerClient` (reads, analytics, change stream), gate/pass calls, its error class and the response schemas/types. */
export * from "./analytics-schemas";
export * from "./client";
export * from "./errors";
export * from "./schemas";
export * from "./post-json";
export * from "./request-json";
export * from "./call-schemas";
export * from "./gate";
export * from "./organizer-session";
export * from "./pass";
export { ticketCheckSchema, type TicketCheck } from "../ticket-check/schema";
export * from "./event-content";
