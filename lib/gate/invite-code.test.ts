import { describe, expect, it } from "vitest";
import { formatInviteCode, inviteCodeKey } from "./invite-code";

describe("invite codes as typed", () => {
  it("lower case, spaces and dashes name the same code", () => {
    for (const typed of ["ABCD-EFGH-JKMN-PQRS", "abcd-efgh-jkmn-pqrs", " abcd efgh jkmn pqrs ", "abcdEFGHjkmnPQRS"]) {
      expect(formatInviteCode(typed), typed).toBe("ABCD-EFGH-JKMN-PQRS");
      expect(inviteCodeKey(typed), typed).toBe("ABCDEFGHJKMNPQRS");
    }
  });

  it("anything but 16 letters and digits is no code", () => {
    for (const typed of ["", "ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN-PQRS-T", "ÄBCD-EFGH-JKMN-PQR"])
      expect(formatInviteCode(typed), typed).toBeNull();
  });
});
