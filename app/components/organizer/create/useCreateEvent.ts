"use client";

import { erc20Abi, parseEventLogs } from "viem";
import { useConfig } from "wagmi";
import { readContract, simulateContract } from "wagmi/actions";
import { eventTicketAbi, ticketFactoryAbi } from "../../../../lib/generated/abis";
import { useContractTx } from "../../../hooks/useContractTx";
import { type AllocationForm, parseAllocationForm } from "../../../organizer/allocation-form";
import { type EventForm, type EventFormResult, parseEventForm } from "../../../organizer/event-form";

/** A form that passed every check: the contract arguments, allocation rules included. */
export type CheckedEvent = { result: Extract<EventFormResult, { ok: true }> };

/**
 * Checks the create form (reading a token's decimals first) and sends it: `createEventWithTiers`,
 * then `configureRules` when channels or a real-name deadline were set.
 */
export function useCreateEvent(factory: `0x${string}` | null, onProblems: (problems: string[]) => void) {
  const config = useConfig();
  const tx = useContractTx();

  const check = async (form: EventForm, allocation: AllocationForm): Promise<CheckedEvent | null> => {
    const token = form.currency.trim();
    let decimals = 18;
    if (/^0x[0-9a-fA-F]{40}$/.test(token)) {
      const read = await readContract(config, {
        address: token as `0x${string}`,
        abi: erc20Abi,
        functionName: "decimals",
      }).catch(() => undefined);
      if (read === undefined) {
        onProblems([`Currency: ${token} is not an ERC-20 token on this chain`]);
        return null;
      }
      decimals = read;
    }
    // The allocation text is only read here; the event-config schema judges it with the rest.
    const typed = parseAllocationForm(allocation, form.tiers.length);
    if (!typed.ok) {
      onProblems(typed.problems);
      return null;
    }
    const result = parseEventForm(form, { decimals }, undefined, typed.input);
    if (!result.ok) {
      onProblems(result.problems.map((p) => `${p.where}: ${p.message}`));
      return null;
    }
    onProblems([]);
    return { result };
  };

  /** The new event's address, or null when a check or a transaction failed (the form says which). */
  const create = async (form: EventForm, allocation: AllocationForm): Promise<`0x${string}` | null> => {
    const checked = await check(form, allocation);
    if (!checked || !factory) return null;
    const { args } = checked.result;
    const receipt = await tx.send(`Creating “${args.config.name}”`, () =>
      simulateContract(config, {
        address: factory,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [args.config, args.tiers],
      }),
    );
    const [event] = receipt
      ? parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs })
      : [];
    if (!event) return null;
    // Channels and real-name deadlines: set once, right after creation, before any mint.
    if (args.rules) {
      const { channelRules, identityDeadlines, names } = args.rules;
      const configured = await tx.send("Setting allocation channels and real-name deadline", () =>
        simulateContract(config, {
          address: event.args.ticket,
          abi: eventTicketAbi,
          functionName: "configureRules",
          args: [channelRules, identityDeadlines, names as never],
        }),
      );
      if (!configured) return null;
    }
    return event.args.ticket;
  };

  return { check, create, tx };
}
