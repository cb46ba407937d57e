"use client";

import { erc20Abi, parseEventLogs } from "viem";
import { useConfig } from "wagmi";
import { readContract, simulateContract } from "wagmi/actions";
import { eventTicketAbi, ticketFactoryAbi } from "../../../../lib/generated/abis";
import { useContractTx } from "../../../hooks/useContractTx";
import { type AllocationForm, parseAllocationForm } from "../../../organizer/allocation-form";
import { type EventForm, type EventFormResult, parseEventForm } from "../../../organizer/event-form";

/** A form that passed every check: the contract arguments and the allocation rules. */
export type CheckedEvent = {
  result: Extract<EventFormResult, { ok: true }>;
  rules: Extract<ReturnType<typeof parseAllocationForm>, { ok: true }>;
};

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
    const result = parseEventForm(form, { decimals });
    const rules = parseAllocationForm(allocation, form.tiers.length);
    if (!result.ok || !rules.ok) {
      onProblems([
        ...(result.ok ? [] : result.problems.map((p) => `${p.where}: ${p.message}`)),
        ...(rules.ok ? [] : rules.problems),
      ]);
      return null;
    }
    onProblems([]);
    return { result, rules };
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
    if (checked.rules.rules) {
      const { channelRules, identityDeadlines, names } = checked.rules.rules;
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
