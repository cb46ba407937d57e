/** Nonces kept in `gate_challenges` (gate scans, staff sign-in, pass delegation, seats, identity bindings). */
import type { DbOrTx } from "../../db/types";
import { consumeChallenge } from "../steps/consume-challenge";
import { loadChallenge, type ChallengeRow, type NoncePurpose } from "../steps/load-challenge";
import type { SiweNonceStore } from "./verify-siwe";

export function gateChallengeNonces(db: DbOrTx, purpose: NoncePurpose): SiweNonceStore<ChallengeRow> {
  return {
    load: (message) => loadChallenge(db, message, purpose),
    consume: (challenge, now) => consumeChallenge(db, challenge.nonce, now),
    burn: (challenge, now) => consumeChallenge(db, challenge.nonce, now),
  };
}
