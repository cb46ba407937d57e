/**
 * Step 10: who holds the ticket now. The indexer mirror answers when it is close enough to
 * the head; otherwise (or to double-check a "no") the chain's `ownerOf` does.
 */
import { and, eq } from "drizzle-orm";
import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  getAddress,
  zeroAddress,
  type Address,
} from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { tickets } from "../../db/schema";
import type { GateDeps } from "../gate-deps";
import { GateDenial } from "../gate-denial";
import type { TicketRef } from "./ticket-from-message";

/** ownerOf could not be asked (RPC failure), as opposed to answering "no such token". */
const UNREACHABLE = Symbol("unreachable");

/** The holder, or throws UNKNOWN_TOKEN (never minted, or burned) / INDEXER_STALE (no trustworthy source). */
export async function resolveOwner(deps: GateDeps, ticket: TicketRef, claimant: Address): Promise<Address> {
  return (await resolveOwnership(deps, ticket, claimant)).owner;
}

/**
 * The holder and, when the fresh mirror answered, the block of the ticket's last transfer
 * (pass mode: a transfer after a delegation voids it).
 */
export async function resolveOwnership(
  deps: GateDeps,
  ticket: TicketRef,
  claimant: Address,
): Promise<{ owner: Address; lastTransferBlock: number | null }> {
  if (mirrorIsFresh(deps)) {
    const mirrored = await ownerFromMirror(deps, ticket);
    if (mirrored && mirrored.owner === claimant) return mirrored;
    // A "no" may just be a block or two of lag (a fresh mint or transfer): the chain decides,
    // and if it cannot be asked the fresh-enough mirror stands.
    const onChain = await ownerFromChain(deps, ticket);
    return { owner: requireMinted(onChain === UNREACHABLE ? (mirrored?.owner ?? null) : onChain), lastTransferBlock: null };
  }
  const onChain = await ownerFromChain(deps, ticket);
  if (onChain === UNREACHABLE) {
    throw new GateDenial("INDEXER_STALE", "the indexer is behind and the chain did not answer ownerOf");
  }
  return { owner: requireMinted(onChain), lastTransferBlock: null };
}

function requireMinted(owner: Address | null): Address {
  if (owner === null) throw new GateDenial("UNKNOWN_TOKEN", "ticket was never minted (or was burned)");
  return owner;
}

function mirrorIsFresh(deps: GateDeps): boolean {
  const s = deps.syncStatus();
  return (
    s.ok &&
    s.lagBlocks !== null &&
    s.lagBlocks <= deps.maxIndexerLagBlocks &&
    s.headCheckedAt !== null &&
    deps.now().getTime() - s.headCheckedAt <= deps.maxHeadAgeMs
  );
}

async function ownerFromMirror(deps: GateDeps, ticket: TicketRef): Promise<{ owner: Address; lastTransferBlock: number } | null> {
  const [row] = await deps.db
    .select({ owner: tickets.owner, updatedBlock: tickets.updatedBlock })
    .from(tickets)
    .where(and(eq(tickets.contract, ticket.contract.toLowerCase()), eq(tickets.tokenId, ticket.tokenId)));
  return row && row.owner !== zeroAddress ? { owner: getAddress(row.owner), lastTransferBlock: row.updatedBlock } : null;
}

/** `null` when ownerOf reverts (OpenZeppelin: ERC721NonexistentToken); UNREACHABLE when the RPC fails. */
async function ownerFromChain(deps: GateDeps, ticket: TicketRef): Promise<Address | null | typeof UNREACHABLE> {
  try {
    return await deps.client.readContract({
      address: ticket.contract,
      abi: eventTicketAbi,
      functionName: "ownerOf",
      args: [ticket.tokenId],
    });
  } catch (err) {
    const reverted =
      err instanceof BaseError &&
      err.walk((e) => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError);
    return reverted ? null : UNREACHABLE;
  }
}
