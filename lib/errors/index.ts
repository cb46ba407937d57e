/** One error model for the server and its clients: the code registry and the base error class. */
export * from "./app-error";
export * from "./error-codes";
