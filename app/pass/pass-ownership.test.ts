import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../queries/ticket-history";
import { passOwnership } from "./pass-ownership";

const ME = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const FRIEND = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const entry = (kind: HistoryEntry["kind"], to: string): HistoryEntry =>
  ({ kind, to, blockNumber: 1, at: null, key: kind }) as HistoryEntry;

describe("passOwnership", () => {
  it("is the viewer's while the viewer holds it, in any letter case", () => {
    expect(passOwnership({ owner: ME, viewer: ME.toLowerCase() })).toEqual({ state: "yours" });
  });
  it("is unknown with no viewer (set the phone up)", () => {
    expect(passOwnership({ owner: ME, viewer: undefined })).toEqual({ state: "unknown" });
  });
  it("says where a ticket that was sent or sold went", () => {
    expect(
      passOwnership({ owner: FRIEND, viewer: ME, history: [entry("minted", ME), entry("transferred", FRIEND)] }),
    ).toEqual({ state: "gone", words: "This ticket is no longer yours. It was sent to 0x3C44…93BC." });
    expect(passOwnership({ owner: FRIEND, viewer: ME, history: [entry("sold", FRIEND)] })).toMatchObject({
      words: "This ticket is no longer yours. It was sold on the official market to 0x3C44…93BC.",
    });
  });
  it("names the holder even when the history is not known", () => {
    expect(passOwnership({ owner: FRIEND, viewer: ME })).toEqual({
      state: "gone",
      words: "This ticket is no longer yours. It is now held by another wallet: 0x3C44…93BC.",
    });
  });
});
