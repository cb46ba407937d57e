/**
 * What a stranger may paste to check a ticket before paying for it: `contract/tokenId` (or `contract #id`),
 * any link that carries both (the app's ticket and pass pages, a marketplace link), or the text of a
 * scanned pass QR. Shared by the public check page and the indexer's `/check` route.
 */
import { getAddress, type Address } from "viem";
import { decodePass } from "../pass/payload";

export type TicketReference = {
  contract: Address;
  tokenId: bigint;
  /** the chain a pass names; links and ids do not name one */
  chainId?: number;
  source: "id" | "link" | "pass";
};

export class TicketReferenceError extends Error {
  override name = "TicketReferenceError";
}

/** Longest input worth parsing: a long marketplace link; anything bigger is not a ticket reference. */
export const MAX_REFERENCE_LENGTH = 2_048;

const idPattern = /^(0x[0-9a-fA-F]{40})\s*(?:[/:#,]|\s)\s*#?(\d{1,78})$/;
const linkPattern = /(0x[0-9a-fA-F]{40})\/(\d{1,78})(?:[/?#]|$)/;
const passPattern = /^[A-Za-z0-9_-]{40,}$/;

export function parseTicketReference(input: string): TicketReference {
  const text = input.trim();
  if (text.length === 0) throw new TicketReferenceError("paste a ticket id (contract/number), a ticket link or a pass");
  if (text.length > MAX_REFERENCE_LENGTH)
    throw new TicketReferenceError(`that is longer than any ticket reference (${MAX_REFERENCE_LENGTH} characters)`);
  const id = idPattern.exec(text);
  if (id) return checked(id[1]!, id[2]!, "id");
  if (/^https?:\/\//i.test(text)) {
    const link = linkPattern.exec(text);
    if (link) return checked(link[1]!, link[2]!, "link");
    throw new TicketReferenceError("that link does not name a ticket (expected …/<contract address>/<token id>)");
  }
  if (passPattern.test(text)) {
    try {
      const pass = decodePass(text);
      return { contract: pass.contract, tokenId: pass.tokenId, chainId: pass.chainId, source: "pass" };
    } catch (err) {
      throw new TicketReferenceError(`not a readable Fairgate pass: ${(err as Error).message}`);
    }
  }
  throw new TicketReferenceError("not a ticket id (contract/number), a ticket link or a pass");
}

function checked(contract: string, tokenId: string, source: TicketReference["source"]): TicketReference {
  const id = BigInt(tokenId);
  if (id >= 2n ** 256n) throw new TicketReferenceError("token id does not fit in uint256");
  return { contract: getAddress(contract.toLowerCase()), tokenId: id, source };
}
