import { formatEther } from "viem";

type Args = readonly unknown[];
const eth = (value: unknown) => `${formatEther(BigInt(value as bigint))} ETH`;
const id = (value: unknown) => `#${String(value)}`;

/**
 * Every custom error the contracts can raise, in words a fan or organizer understands. Keys are
 * the Solidity error names from the generated ABIs (`lib/generated/abis.ts`).
 */
export const ERROR_WORDS: Record<string, (args: Args) => string> = {
  // EventTicket
  EventTicketZeroOrganizer: () => "The event needs an organizer address.",
  EventTicketBadConfig: () => "The event settings are inconsistent (check tiers, dates and royalty).",
  EventTicketEmptyBatch: () => "Nothing to do: the list is empty.",
  EventTicketBatchTooLarge: ([size, max]) => `Too many at once: ${size} (at most ${max} per transaction).`,
  EventTicketUnknownTier: ([tier]) => `There is no tier ${tier}.`,
  EventTicketSoldOut: ([tier, requested, remaining]) => `Tier ${tier} is sold out: you asked for ${requested}, ${remaining} left.`,
  EventTicketWalletCapExceeded: ([, cap]) => `That would take a wallet over the limit of ${cap} tickets per wallet.`,
  EventTicketVoucherOnlyTier: ([tier]) => `Tier ${tier} is sold only with an organizer voucher.`,
  EventTicketWrongPayment: ([expected, received]) => `Wrong payment: expected ${eth(expected)}, got ${eth(received)}.`,
  EventTicketSaleClosed: () => "Sales are closed: the event is over.",
  EventTicketCancelled: () => "The event is cancelled.",
  EventTicketNotCancelled: () => "Refunds open only after the event is cancelled.",
  EventTicketAlreadyCheckedIn: ([t]) => `Ticket ${id(t)} is already checked in.`,
  EventTicketCheckedIn: ([t]) => `Ticket ${id(t)} has been used at the gate and can no longer move.`,
  EventTicketLocked: ([t]) => `Ticket ${id(t)} is non-transferable (its tier is locked to the buyer).`,
  EventTicketMarketOnly: ([t]) => `Ticket ${id(t)} can change hands only through the official resale market.`,
  EventTicketTransferWindowClosed: ([t]) => `Ticket ${id(t)} cannot move this close to the event.`,
  EventTicketApprovalNotAllowed: ([t]) => `Ticket ${id(t)}'s tier does not allow that approval.`,
  EventTicketOperatorNotAllowed: () => "Only the official resale market may manage tickets for this event.",
  EventTicketIdentityMismatch: ([t]) => `Ticket ${id(t)} is bound to another identity.`,
  EventTicketVoucherExpired: () => "The voucher has expired.",
  EventTicketVoucherUsed: () => "The voucher was already used.",
  EventTicketVoucherInvalidSignature: () => "The voucher's signature is not the organizer's.",
  EventTicketIdentityCapExceeded: ([, cap]) => `This identity already holds the maximum of ${cap} tickets.`,
  EventTicketNotRefundable: ([t]) => `Ticket ${id(t)} is not refundable (complimentary, or already refunded).`,
  EventTicketNotTicketOwner: ([t]) => `You do not hold ticket ${id(t)}.`,
  EventTicketEventNotOver: () => "Proceeds can be withdrawn only after the event has ended.",
  EventTicketEventOver: () => "The event is already over.",
  EventTicketNothingToWithdraw: () => "There is nothing to withdraw.",
  EventTicketPaymentFailed: ([to, amount]) => `Sending ${eth(amount)} to ${to} failed.`,
  // ResaleMarket
  MarketUnknownTicket: () => "That contract is not a Fairgate event.",
  MarketNotTicketOwner: ([t]) => `You do not hold ticket ${id(t)}.`,
  MarketPriceAboveCap: ([price, cap]) => `The price ${eth(price)} is above the resale cap of ${eth(cap)}.`,
  MarketTicketCheckedIn: ([t]) => `Ticket ${id(t)} has been used at the gate and cannot be sold.`,
  MarketTicketLocked: ([t]) => `Ticket ${id(t)} is non-transferable and cannot be resold.`,
  MarketEventCancelled: () => "The event is cancelled: resale is closed. Ask for a refund instead.",
  MarketNotApproved: ([t]) => `The market is not approved to move ticket ${id(t)}.`,
  MarketNotListed: ([, t]) => `Ticket ${id(t)} is not for sale.`,
  MarketStaleListing: ([, t]) => `Ticket ${id(t)} changed hands since it was listed.`,
  MarketWrongPayment: ([expected, received]) => `Wrong payment: expected ${eth(expected)}, got ${eth(received)}.`,
  MarketNotSeller: () => "Only the seller can cancel this listing.",
  MarketNothingToWithdraw: () => "There is nothing to withdraw.",
  MarketWithdrawFailed: ([, amount]) => `Sending ${eth(amount)} failed.`,
  // OpenZeppelin (ERC-6093, AccessControl, ReentrancyGuard)
  ERC721NonexistentToken: ([t]) => `Ticket ${id(t)} does not exist.`,
  ERC721InsufficientApproval: ([, t]) => `You are not allowed to move ticket ${id(t)}.`,
  ERC721IncorrectOwner: ([, t]) => `Ticket ${id(t)} belongs to someone else.`,
  ERC721InvalidReceiver: ([to]) => `${to} cannot receive tickets.`,
  ERC721InvalidApprover: () => "You cannot approve this ticket.",
  ERC721InvalidOperator: () => "That operator is not allowed.",
  ERC721InvalidOwner: () => "That owner address is not valid.",
  ERC721InvalidSender: () => "That sender address is not valid.",
  AccessControlBadConfirmation: () => "Role renounce must be confirmed by the account itself.",
  InvalidShortString: () => "A name or symbol is not a valid short string.",
  StringTooLong: () => "The event name or symbol is too long.",
  AccessControlUnauthorizedAccount: () => "Your wallet lacks the role for this (organizer, minter or gate).",
  ReentrancyGuardReentrantCall: () => "Refused a re-entrant call.",
};
