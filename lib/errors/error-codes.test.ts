import { describe, expect, it } from "vitest";
import { DenyReason, denyReasonText } from "../gate/reasons";
import { onsaleErrorText } from "../onsale/errors";
import { AppError } from "./app-error";
import { ERROR_CODES, errorCodes, errorCodeSpec, isErrorCode } from "./error-codes";

describe("the error code registry", () => {
  it("gives every code an HTTP error status and words", () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(code, code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599, code).toBe(true);
      expect(spec.words.trim().length, code).toBeGreaterThan(0);
    }
  });

  it("lists no gate reason a second time: its words stay in lib/gate/reasons.ts", () => {
    const gate = new Set<string>(Object.values(DenyReason));
    expect(Object.keys(errorCodes).filter((code) => gate.has(code))).toEqual([]);
    for (const reason of Object.values(DenyReason)) expect(ERROR_CODES[reason].words).toBe(denyReasonText[reason]);
  });

  it("holds every code the waiting room words for fans", () => {
    expect(Object.keys(onsaleErrorText).filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it("answers a code it does not know as a 500 rather than failing", () => {
    expect(errorCodeSpec("FROM_A_NEWER_SERVER")).toEqual({ status: 500, words: ERROR_CODES.INTERNAL.words });
    expect(isErrorCode("toString")).toBe(false);
  });
});

describe("AppError", () => {
  it("takes its status and default words from the registry", () => {
    const err = new AppError("SOLD_OUT");
    expect(err).toMatchObject({ code: "SOLD_OUT", status: 410, message: "Sold out.", details: {} });
    expect(err.toBody()).toEqual({ error: { code: "SOLD_OUT", message: "Sold out." } });
  });

  it("puts its details beside the message in the body, and keeps the cause", () => {
    const cause = new Error("db");
    const err = new AppError("SEATS_TAKEN", "2 seats are held", { details: { seats: [4, 5] }, cause });
    expect(err.status).toBe(409);
    expect(err.cause).toBe(cause);
    expect(JSON.stringify(err.toBody())).toBe(
      '{"error":{"code":"SEATS_TAKEN","message":"2 seats are held","seats":[4,5]}}',
    );
  });
});
