import { formatEther } from "viem";
import { saleBlockWords } from "../../lib/sale-terms";

type Args = readonly unknown[];
const eth = (value: unknown) => `${formatEther(BigInt(value as bigint))} ETH`;
const id = (value: unknown) => `#${String(value)}`;
/** A sentence continued after a colon. */
const lower = (sentence: string) => sentence[0]!.toLowerCase() + sentence.slice(1);

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
  EventTicketSoldOut: ([tier, requested, remaining]) =>
    `Tier ${tier} is sold out: you asked for ${requested}, ${remaining} left.`,
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
  EventTicketNotTicketOwner: ([t]) =>
    `You do not hold ticket ${id(t)}, or its refund is another wallet's (a recovered ticket's refund stays with the wallet it was recovered from).`,
  EventTicketEventNotOver: () => "Proceeds can be withdrawn only after the event has ended.",
  EventTicketEventOver: () => "The event is already over.",
  EventTicketNothingToWithdraw: () => "There is nothing to withdraw.",
  EventTicketPaymentFailed: ([to, amount]) => `Sending ${eth(amount)} to ${to} failed.`,
  EventTicketUnknownChannel: ([c]) =>
    `Allocation channel ${String(c)} is not open for this event (or is the public sale, which only buy and claim use).`,
  EventTicketChannelQuotaExceeded: ([c, requested, remaining]) =>
    `Allocation channel ${String(c)} has ${String(remaining)} ticket(s) left of its quota; ${String(requested)} asked.`,
  EventTicketSetupClosed: () => "Channels and real-name deadlines can only be set before the first ticket is minted.",
  EventTicketIdentityBound: ([t]) =>
    `Ticket ${id(t)} is bound to its holder's identity: only the organizer can move it.`,
  EventTicketBindingNotRequired: ([tier]) => `Tier ${String(tier)} does not ask for an identity binding.`,
  EventTicketBindingClosed: ([deadline]) =>
    `The identity-binding deadline (${new Date(Number(deadline) * 1000).toUTCString()}) has passed.`,
  EventTicketBindingInvalidSignature: () =>
    "The identity service's attestation is not valid for this ticket and holder.",
  EventTicketSeatsRequired: ([tier]) => `Tier ${String(tier)} is reserved seating: choose your seats on the seat map.`,
  EventTicketNotReserved: ([tier]) => `Tier ${String(tier)} is general admission: it has no seats to choose.`,
  EventTicketUnknownSeat: ([tier, seat]) => `Seat ${String(seat)} is not part of tier ${String(tier)}.`,
  EventTicketSeatTaken: () => "Someone bought one of these seats a moment ago: pick other seats (you paid nothing).",
  // ResaleMarket
  MarketUnknownTicket: () => "That contract is not a Fairgate event.",
  MarketNotTicketOwner: ([t]) => `You do not hold ticket ${id(t)}.`,
  MarketPriceAboveCap: ([price, cap]) => `The price ${eth(price)} is above the resale cap of ${eth(cap)}.`,
  MarketTicketNotForSale: ([t, reason]) => `Ticket ${id(t)}: ${lower(saleBlockWords(reason, "market"))}`,
  MarketPriceChanged: ([expected, actual]) =>
    `The seller changed the price since you looked: it is now ${eth(actual)}, not ${eth(expected)}. Nothing was paid; check the new price and buy again if you still want it.`,
  MarketNotApproved: ([t]) => `The market is not approved to move ticket ${id(t)}.`,
  MarketNotListed: ([, t]) => `Ticket ${id(t)} is not for sale.`,
  MarketStaleListing: ([, t]) => `Ticket ${id(t)} changed hands since it was listed.`,
  MarketWrongPayment: ([expected, received]) => `Wrong payment: expected ${eth(expected)}, got ${eth(received)}.`,
  MarketNotSeller: () => "Only the seller can cancel this listing.",
  MarketNothingToWithdraw: () => "There is nothing to withdraw.",
  MarketWithdrawFailed: ([, amount]) => `Sending ${eth(amount)} failed.`,
  MarketNotWaitlist: () => "Only the waitlist can hand tickets over this way.",
  // Waitlist
  WaitlistUnknownTicket: () => "That contract is not a Fairgate event.",
  WaitlistEventCancelled: () =>
    "The event is cancelled: the waitlist is closed. You can still leave it to get your deposit back.",
  WaitlistClosed: () => "Tickets can no longer change hands this close to the event, so the waitlist is closed.",
  WaitlistTierLocked: ([tier]) => `Tier ${tier} is non-transferable, so it has no waitlist.`,
  WaitlistTierNotSoldOut: ([tier, remaining]) =>
    `Tier ${tier} is not sold out (${remaining} left): buy a ticket instead.`,
  WaitlistWrongDeposit: ([expected, received]) =>
    `Wrong deposit: the waitlist takes exactly the face value, ${eth(expected)} (got ${eth(received)}).`,
  WaitlistAlreadyJoined: () => "You are already on this waitlist.",
  WaitlistWalletCapReached: ([, cap]) => `Your wallet already holds the limit of ${cap} tickets for this event.`,
  WaitlistNotJoined: () => "You are not on this waitlist.",
  WaitlistNotTicketOwner: ([t]) => `You do not hold ticket ${id(t)}.`,
  WaitlistTicketNotReturnable: ([t, reason]) => `Ticket ${id(t)}: ${lower(saleBlockWords(reason, "waitlist"))}`,
  WaitlistHeadAtCap: ([, tier]) =>
    `The first wallet in tier ${tier}'s waitlist already holds the most tickets a wallet may, and keeps its place: the return waits until it makes room or leaves. Try again later, or resell it on the market.`,
  WaitlistNotApproved: ([t]) => `The market is not approved to move ticket ${id(t)}.`,
  WaitlistEmpty: ([, tier]) => `Nobody is waiting for tier ${tier}, so there is no one to return the ticket to.`,
  WaitlistPaymentFailed: ([, amount]) => `Sending ${eth(amount)} failed.`,
  WaitlistNothingToWithdraw: () => "There is nothing to withdraw.",
  // Stablecoin payments (EventTicket, ResaleMarket, Waitlist, and the token itself)
  EventTicketUnexpectedValue: () => "This event is priced in a token: send no ETH with the purchase.",
  EventTicketNativeCurrency: () => "This event is priced in ETH: buy without a token permit.",
  EventTicketUnsupportedToken: () => "The event's token takes a fee on transfers, which Fairgate cannot accept.",
  EventTicketPermitFailed: () =>
    "The token permit was refused (expired or signed for another amount) and no allowance covers the price.",
  MarketUnexpectedValue: () => "This ticket is priced in a token: send no ETH with the purchase.",
  MarketNativeCurrency: () => "This ticket is priced in ETH: buy without a token permit.",
  MarketUnsupportedToken: () => "The event's token takes a fee on transfers, which Fairgate cannot accept.",
  MarketPermitFailed: () =>
    "The token permit was refused (expired or signed for another amount) and no allowance covers the price.",
  WaitlistUnexpectedValue: () => "This waitlist takes its deposit in a token: send no ETH.",
  WaitlistNativeCurrency: () => "This waitlist takes ETH: join without a token permit.",
  WaitlistUnsupportedToken: () => "The event's token takes a fee on transfers, which Fairgate cannot accept.",
  WaitlistPermitFailed: () =>
    "The token permit was refused (expired or signed for another amount) and no allowance covers the deposit.",
  NativePaymentFailed: () => "The payment could not be delivered to the receiving wallet.",
  SafeERC20FailedOperation: () => "The token refused the transfer.",
  ERC20InsufficientBalance: () => "Your wallet does not hold enough of the event's token for this.",
  ERC20InsufficientAllowance: () => "The token allowance does not cover the price: approve it or sign the permit.",
  ERC2612ExpiredSignature: () => "The token permit has expired: sign again.",
  ERC2612InvalidSigner: () => "The token permit was not signed by the paying wallet.",
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
