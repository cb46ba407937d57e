/**
 * Turns what viem throws on a failed call into a CliError a person can act on: the contract's
 * custom error decoded and said in words, or insufficient funds, or the RPC's own message.
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  InsufficientFundsError as ViemInsufficientFunds,
  decodeErrorResult,
  formatEther,
  keccak256,
  toHex,
  type Abi,
  type Hex,
} from "viem";
import { eventTicketAbi, resaleMarketAbi, ticketFactoryAbi, waitlistAbi } from "../../../lib/generated/abis";
import { saleBlockWords } from "../../../lib/sale-terms";
import { CliError, InsufficientFundsError, NotAuthorizedError, RevertError } from "../errors";

/** Every custom error of the contracts, so a revert bubbling up from a child contract decodes too. */
const allErrors = [...ticketFactoryAbi, ...eventTicketAbi, ...resaleMarketAbi, ...waitlistAbi].filter(
  (item) => item.type === "error",
) as Abi;

const roleNames: Record<string, string> = {
  [toHex(0n, { size: 32 })]: "organizer (DEFAULT_ADMIN_ROLE)",
  [keccak256(toHex("MINTER_ROLE"))]: "MINTER_ROLE",
  [keccak256(toHex("GATE_ROLE"))]: "GATE_ROLE",
};

type Explain = (args: readonly unknown[]) => string;
const words: Record<string, Explain> = {
  AccessControlUnauthorizedAccount: ([account, role]) =>
    `${account} does not hold ${roleNames[String(role)] ?? `role ${role}`} on this event.`,
  TicketFactoryEmptyName: () => "The event needs a name.",
  TicketFactoryMarketMismatch: ([market, f]) => `The market ${market} belongs to factory ${f}, not to this one.`,
  EventTicketUnsupportedToken: ([token]) =>
    `The token ${token} takes a fee on transfers (or rebases): Fairgate refuses it.`,
  EventTicketUnexpectedValue: () => "This event is priced in a token: send no ETH.",
  EventTicketPermitFailed: ([token]) => `The ${token} permit was refused and no allowance covers the price.`,
  EventTicketBadConfig: () =>
    "The contract refused the event rules: 1–8 tiers, each with supply > 0, end after start, royalty ≤ 100%.",
  EventTicketEmptyBatch: () => "Nothing to do: the batch is empty.",
  EventTicketBatchTooLarge: ([size, max]) => `A batch of ${size} is larger than the contract's limit of ${max}.`,
  EventTicketUnknownTier: ([tier]) => `The event has no tier ${tier}.`,
  EventTicketSoldOut: ([tier, requested, remaining]) =>
    `Tier ${tier} cannot take ${requested} more tickets: only ${remaining} left.`,
  EventTicketWalletCapExceeded: ([wallet, cap]) => `${wallet} would hold more than the per-wallet cap of ${cap}.`,
  EventTicketCancelled: () => "The event is cancelled.",
  EventTicketNotCancelled: () => "The event is not cancelled.",
  EventTicketEventOver: () => "The event is over; it can no longer be cancelled.",
  EventTicketEventNotOver: () => "The event has not ended yet: proceeds can be withdrawn only after its end time.",
  EventTicketNothingToWithdraw: () => "Nothing to withdraw: the escrow is empty.",
  EventTicketPaymentFailed: ([to, amount]) =>
    `Paying ${formatEther(amount as bigint)} ETH to ${to} failed (the recipient refused it).`,
  EventTicketAlreadyCheckedIn: ([id]) => `Ticket #${id} is already checked in.`,
  EventTicketNotRefundable: ([id]) =>
    `Ticket #${id} has no refund to claim: it was complimentary, or is already refunded.`,
  EventTicketNotTicketOwner: ([id, caller]) =>
    `${caller} does not hold ticket #${id} (for a refund: a recovered ticket's refund stays with the wallet it was recovered from; see refundHolder).`,
  // The ticket's sale rule (EventTicket.saleTerms), as the market and the waitlist apply it.
  MarketTicketNotForSale: ([id, reason]) => `Ticket #${id} cannot be sold: ${saleBlockWords(reason, "market")}`,
  MarketPriceChanged: ([expected, actual]) =>
    `The listing's price changed: ${formatEther(actual as bigint)} now, not the ${formatEther(expected as bigint)} named.`,
  MarketPriceAboveCap: ([price, cap]) =>
    `The price ${formatEther(price as bigint)} is above the resale cap of ${formatEther(cap as bigint)}.`,
  WaitlistTicketNotReturnable: ([id, reason]) =>
    `Ticket #${id} cannot be returned to the waitlist: ${saleBlockWords(reason, "waitlist")}`,
  WaitlistHeadAtCap: ([ticket, tier, head]) =>
    `The head of tier ${tier}'s waitlist for ${ticket}, ${head}, is at the wallet cap: the return waits until it makes room or leaves.`,
};

/** Decoded revert → sentence; unknown errors still show their name and arguments. */
export function explainRevert(errorName: string, args: readonly unknown[] = []): string {
  return words[errorName]?.(args) ?? `${errorName}(${args.map(String).join(", ")})`;
}

/** Maps any error from a contract call to a CliError (CliErrors pass through). */
export function toCliError(error: unknown, action: string): CliError {
  if (error instanceof CliError) return error;
  if (!(error instanceof BaseError))
    return new CliError("UNEXPECTED", `${action} failed: ${error instanceof Error ? error.message : String(error)}`);

  const funds = error.walk((e) => e instanceof ViemInsufficientFunds);
  if (funds)
    return new InsufficientFundsError(
      `${action} failed: the signer has too little ETH to pay for it (value + gas). Fund it and retry.`,
    );

  const reverted = error.walk(
    (e) => e instanceof ContractFunctionRevertedError,
  ) as ContractFunctionRevertedError | null;
  if (reverted) {
    let name = reverted.data?.errorName;
    let args: readonly unknown[] = reverted.data?.args ?? [];
    if (!name && reverted.raw) {
      const decoded = tryDecode(reverted.raw);
      if (decoded) ({ errorName: name, args } = decoded);
    }
    if (name === "AccessControlUnauthorizedAccount")
      return new NotAuthorizedError(`${action} refused: ${explainRevert(name, args)}`);
    if (name) return new RevertError(name, `${action} refused by the contract: ${explainRevert(name, args)}`);
    if (reverted.reason) return new RevertError("Error", `${action} refused by the contract: ${reverted.reason}`);
  }
  return new CliError(
    "RPC_ERROR",
    `${action} failed: ${error.shortMessage}`,
    error.details ? [error.details] : undefined,
  );
}

function tryDecode(data: Hex): { errorName: string; args: readonly unknown[] } | undefined {
  try {
    const d = decodeErrorResult({ abi: allErrors, data });
    return { errorName: d.errorName, args: (d.args ?? []) as readonly unknown[] };
  } catch {
    return undefined;
  }
}
