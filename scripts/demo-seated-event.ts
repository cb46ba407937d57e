/**
 * A reserved-seating demo for `npm start`: an arena with two priced tiers (front and back), each a
 * reserved tier whose supply is its seat count in the generated layout. The chain part runs before
 * the indexer starts; the venue layout is uploaded (as the organizer, account #0) once it runs.
 * Fan #1 already holds two seats, so "My tickets" shows where they sit.
 */
import { parseEther, parseEventLogs, zeroAddress, type Address, type Hex } from "viem";
import { buildGateSignInMessage } from "../lib/gate/sign-in-message";
import { eventTicketAbi, ticketFactoryAbi } from "../lib/generated/abis";
import { openGateSession, requestGateSignIn } from "../lib/indexer-client/gate";
import { putVenue } from "../lib/seating/client";
import { generateVenue } from "../lib/seating/generate-venue";
import { parseVenueLayout } from "../lib/seating/parse-layout";
import { seatsPerTier } from "../lib/seating/seat-token";
import type { VenueLayoutInput } from "../lib/seating/venue-layout";
import { localClients } from "./lib/local-clients";

export type SeatedDemoEvent = {
  ticket: Address;
  name: string;
  seats: number;
  fan: { account: Address; seats: number[] };
};

const LAYOUT = generateVenue({ name: "Fairgate Arena", sections: 12, rows: 16, seatsPerRow: 18, tiers: 2 });
/** Face value per tier: front seats dearest. */
const FACE = [parseEther("0.08"), parseEther("0.04"), parseEther("0.02")];

export async function createSeatedDemoEvent(options: {
  rpcUrl: string;
  factory: Address;
  name?: string;
  layout?: VenueLayoutInput;
}): Promise<SeatedDemoEvent> {
  const { publicClient, accounts, wallet } = await localClients(options.rpcUrl);
  const organizer = accounts[0]!;
  const mined = async (hash: Hex) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`demo seated-event transaction ${hash} reverted`);
    return receipt;
  };
  const venue = parseVenueLayout(options.layout ?? LAYOUT);
  const perTier = seatsPerTier(venue);
  const tiers = [...perTier.keys()]
    .sort((a, b) => a - b)
    .map((t) => ({
      faceValue: FACE[t] ?? parseEther("0.01"),
      supply: perTier.get(t) ?? 0,
      zones: 1,
      mode: 1,
      resaleCapBps: 11_000,
      voucherOnly: false,
      reserved: true,
    }));
  const name = options.name ?? "Fairgate Live: Arena Night (reserved seats)";
  const startTime = BigInt(Math.floor(Date.now() / 1000) + 14 * 24 * 3600);
  const receipt = await mined(
    await wallet(organizer).writeContract({
      address: options.factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name,
          symbol: "FGSEAT",
          startTime,
          endTime: startTime + 4n * 3600n,
          lockWindow: 3600,
          maxPerWallet: 8,
          maxPerIdentity: 0,
          royaltyBps: 500,
          voucherSigner: zeroAddress,
          currency: zeroAddress,
        },
        tiers,
      ],
    }),
  );
  const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
  if (!created) throw new Error("createEventWithTiers emitted no EventCreated");
  const ticket = created.args.ticket;
  const fan = accounts[1]!;
  const seats = [0, 1]; // the two best tier-0 seats in layout order
  await mined(
    await wallet(fan).writeContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "buySeats",
      args: [0, seats],
      value: FACE[0]! * 2n,
    }),
  );
  return { ticket, name, seats: venue.seats.length, fan: { account: fan, seats } };
}

/** Uploads the arena's layout through the indexer, signed in as the organizer (account #0). */
export async function uploadSeatedDemoVenue(options: {
  rpcUrl: string;
  indexerUrl: string;
  appHost: string;
  ticket: Address;
  layout?: VenueLayoutInput;
}): Promise<number> {
  const { accounts, wallet } = await localClients(options.rpcUrl);
  const organizer = accounts[0]!;
  const challenge = await requestGateSignIn(options.indexerUrl, {
    contract: options.ticket,
    gateId: "organizer",
    zone: 0,
    domain: options.appHost,
  });
  const message = buildGateSignInMessage(challenge, organizer);
  const session = await openGateSession(
    options.indexerUrl,
    message,
    await wallet(organizer).signMessage({ account: organizer, message }),
  );
  const { seats } = await putVenue(options.indexerUrl, session.token, options.ticket, {
    layout: options.layout ?? LAYOUT,
  });
  return seats;
}
