import { UserRejectedRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { OnsaleApiError } from "../../lib/onsale/client";
import { PowGaveUpError } from "../../lib/onsale/pow";
import { describeOnsaleError } from "./describe-onsale-error";

describe("describeOnsaleError", () => {
  it("words the server's refusals with the shared sentences", () => {
    const url = "http://x.test/onsale/entry/voucher";
    expect(describeOnsaleError(new OnsaleApiError("IDENTITY_CAP_REACHED", "x", { url, status: 409 }))).toEqual({
      code: "IDENTITY_CAP_REACHED",
      message: expect.stringContaining("already has the most tickets"),
    });
    expect(describeOnsaleError(new OnsaleApiError("ADMISSION_EXPIRED", "x", { url, status: 410 })).code).toBe(
      "ADMISSION_EXPIRED",
    );
  });

  it("tells an unreachable server, a failed puzzle and a rejected wallet prompt apart", () => {
    expect(describeOnsaleError(new TypeError("Failed to fetch")).code).toBe("ONSALE_UNREACHABLE");
    const noAnswer = new OnsaleApiError("INDEXER_UNREACHABLE", "no answer", { url: "http://x.test/onsale/entry" });
    expect(describeOnsaleError(noAnswer).code).toBe("ONSALE_UNREACHABLE");
    expect(describeOnsaleError(new PowGaveUpError("no")).code).toBe("POW_FAILED");
    expect(describeOnsaleError(new UserRejectedRequestError(new Error("no"))).code).toBe("USER_REJECTED");
  });
});
