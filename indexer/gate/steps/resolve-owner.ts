/**
 * Step 10: who holds the ticket now. The indexer mirror answers when it is close enough to
 * the head; otherwise (or to double-check a "no") the chain's `ownerOf` does.
 */
import { and, eq, inArray, or } from "drizzle-orm";
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
import { defaultGateSettings, type GateDeps } from "../gate-deps";
import { GateDenial } from "../gate-denial";
import { microBatch } from "./micro-batch";
import type { TicketRef } from "./ticket-from-message";

type MirrorRow = { owner: Address; lastTransferBlock: number } | null;
/** Batched mirror lookups (group commit, see micro-batch.ts), one per database. */
const readers = new WeakMap<object, (t: TicketRef) => Promise<MirrorRow>>();

function mirrorReader(db: GateDeps["db"]) {
  let reader = readers.get(db);
  if (!reader) {
    reader = microBatch(
      async (refs: TicketRef[]) => {
        const byContract = new Map<string, bigint[]>();
        for (const r of refs) {
          const c = r.contract.toLowerCase();
          byContract.set(c, [...(byContract.get(c) ?? []), r.tokenId]);
        }
        const rows = await db
          .select({
            contract: tickets.contract,
            tokenId: tickets.tokenId,
            owner: tickets.owner,
            updatedBlock: tickets.updatedBlock,
          })
          .from(tickets)
          .where(or(...[...byContract].map(([c, ids]) => and(eq(tickets.contract, c), inArray(tickets.tokenId, ids)))));
        const found = new Map(rows.map((r) => [`${r.contract}:${r.tokenId}`, r]));
        return refs.map((r) => {
          const row = found.get(`${r.contract.toLowerCase()}:${r.tokenId}`);
          return row && row.owner !== zeroAddress
            ? { owner: getAddress(row.owner), lastTransferBlock: row.updatedBlock }
            : null;
        });
      },
      { maxBatch: 256, maxInFlight: 2 },
    );
    readers.set(db, reader);
  }
  return reader;
}

/** The chain could not be asked (RPC failure or too slow), as opposed to answering "no such token". */
export const UNREACHABLE = Symbol("unreachable");

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
    return {
      owner: requireMinted(onChain === UNREACHABLE ? (mirrored?.owner ?? null) : onChain),
      lastTransferBlock: null,
    };
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

/** The mirror is within `maxIndexerLagBlocks` of a head read within `maxHeadAgeMs`. */
export function mirrorIsFresh(deps: GateDeps): boolean {
  const s = deps.syncStatus();
  return (
    s.ok &&
    s.lagBlocks !== null &&
    s.lagBlocks <= deps.maxIndexerLagBlocks &&
    s.headCheckedAt !== null &&
    deps.now().getTime() - s.headCheckedAt <= deps.maxHeadAgeMs
  );
}

function ownerFromMirror(deps: GateDeps, ticket: TicketRef): Promise<MirrorRow> {
  return mirrorReader(deps.db)(ticket);
}

/**
 * Waits for a chain read at most `chainCheckMs`: UNREACHABLE when it fails (unless `answerOf` reads
 * the error as an answer) or takes longer (a door must not wait on a hanging RPC's timeout and retries).
 */
export async function askChain<T>(
  deps: GateDeps,
  read: Promise<T>,
  answerOf: (err: unknown) => T | typeof UNREACHABLE = () => UNREACHABLE,
): Promise<T | typeof UNREACHABLE> {
  const limitMs = deps.settings?.chainCheckMs ?? defaultGateSettings.chainCheckMs;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof UNREACHABLE>((resolve) => {
    timer = setTimeout(() => resolve(UNREACHABLE), limitMs);
  });
  try {
    return await Promise.race([read.catch(answerOf), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** `null` when ownerOf reverts (OpenZeppelin: ERC721NonexistentToken); UNREACHABLE when the RPC fails or is too slow. */
function ownerFromChain(deps: GateDeps, ticket: TicketRef): Promise<Address | null | typeof UNREACHABLE> {
  const read = deps.client.readContract({
    address: ticket.contract,
    abi: eventTicketAbi,
    functionName: "ownerOf",
    args: [ticket.tokenId],
  });
  return askChain(deps, read, (err) => {
    const reverted =
      err instanceof BaseError &&
      err.walk((e) => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError);
    return reverted ? null : UNREACHABLE;
  });
}
