/**
 * The indexer's tables. One schema and one migration history serve PGlite and PostgreSQL.
 *
 * Conventions: addresses and hashes are stored lowercase (any writer gets the same bytes,
 * so plain `=` works); uint256 values are numeric(78,0) read as bigint; block numbers are
 * int8 read as JS numbers (safe far beyond any real chain height).
 */
export * from "./tables/chain";
export * from "./tables/content";
export * from "./tables/gate";
export * from "./tables/onsale";
export * from "./tables/seating";
export * from "./tables/waitlist";
