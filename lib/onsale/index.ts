export * from "./client";
export * from "./errors";
export * from "./pow";
export * from "./sign-in-message";
export * from "./types";
export * from "./voucher";
