/** Reserved seating: venue layouts (JSON/CSV import with validation), seat indexes, best-available groups. */
export * from "./best-available";
export * from "./generate-venue";
export * from "./layout-error";
export * from "./parse-layout";
export * from "./venue-layout";
export * from "./client";
export * from "./sign-in-message";
export * from "./seat-token";
export * from "./seat-ranges";
