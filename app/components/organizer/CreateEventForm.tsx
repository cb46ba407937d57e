"use client";

import Link from "next/link";
import { useState } from "react";
import { erc20Abi, parseEventLogs } from "viem";
import { useConfig, useConnection } from "wagmi";
import { readContract, simulateContract } from "wagmi/actions";
import { useContractTx } from "../../hooks/useContractTx";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { defaultEventForm, parseEventForm, type EventForm } from "../../organizer/event-form";
import { eventTicketAbi, ticketFactoryAbi } from "../../../lib/generated/abis";
import { parseAllocationForm, type AllocationForm } from "../../organizer/allocation-form";
import { TxStatus } from "../TxStatus";
import { TierFields } from "./TierFields";

/** Create an event with its rules and up to 8 tiers (TicketFactory.createEventWithTiers). */
export function CreateEventForm() {
  const config = useConfig();
  const { factory } = useRuntimeConfig();
  const { status } = useConnection();
  const tx = useContractTx();
  const [form, setForm] = useState<EventForm>(() => defaultEventForm());
  const [problems, setProblems] = useState<string[]>([]);
  const [allocation, setAllocation] = useState<AllocationForm>({ channels: "", bindHours: "", bindTiers: "" });
  const [created, setCreated] = useState<`0x${string}` | null>(null);
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  if (!factory) {
    return (
      <p className="notice" data-testid="no-factory">
        This app does not know the TicketFactory address. Set FACTORY_ADDRESS or DEPLOYMENTS_FILE where the app runs.
      </p>
    );
  }

  const submit = async () => {
    // A token-priced event: face values are scaled with the token's own decimals.
    const token = form.currency.trim();
    let decimals = 18;
    if (/^0x[0-9a-fA-F]{40}$/.test(token)) {
      const read = await readContract(config, {
        address: token as `0x${string}`,
        abi: erc20Abi,
        functionName: "decimals",
      }).catch(() => undefined);
      if (read === undefined) {
        setProblems([`Currency: ${token} is not an ERC-20 token on this chain`]);
        return;
      }
      decimals = read;
    }
    const result = parseEventForm(form, { decimals });
    const rules = parseAllocationForm(allocation, form.tiers.length);
    if (!result.ok || !rules.ok) {
      setProblems([
        ...(result.ok ? [] : result.problems.map((p) => `${p.where}: ${p.message}`)),
        ...(rules.ok ? [] : rules.problems),
      ]);
      return;
    }
    setProblems([]);
    const receipt = await tx.send(`Creating “${result.args.config.name}”`, () =>
      simulateContract(config, {
        address: factory,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [result.args.config, result.args.tiers],
      }),
    );
    const [event] = receipt
      ? parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs })
      : [];
    if (!event) return;
    // Channels and real-name deadlines: set once, right after creation, before any mint.
    if (rules.rules) {
      const { channelRules, identityDeadlines, names } = rules.rules;
      const configured = await tx.send("Setting allocation channels and real-name deadline", () =>
        simulateContract(config, {
          address: event.args.ticket,
          abi: eventTicketAbi,
          functionName: "configureRules",
          args: [channelRules, identityDeadlines, names as never],
        }),
      );
      if (!configured) return;
    }
    setCreated(event.args.ticket);
  };

  return (
    <section className="panel stack" data-testid="create-event">
      <h2>Create an event</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <label className="field">
            Name
            <input value={form.name} data-testid="event-name-input" onChange={(e) => set("name", e.target.value)} />
          </label>
          <label className="field">
            Symbol
            <input
              value={form.symbol}
              data-testid="event-symbol-input"
              onChange={(e) => set("symbol", e.target.value)}
            />
          </label>
          <label className="field">
            Starts
            <input
              type="datetime-local"
              value={form.start}
              data-testid="event-start-input"
              onChange={(e) => set("start", e.target.value)}
            />
          </label>
          <label className="field">
            Ends
            <input
              type="datetime-local"
              value={form.end}
              data-testid="event-end-input"
              onChange={(e) => set("end", e.target.value)}
            />
          </label>
          <label className="field">
            Transfers stop (hours before start)
            <input
              value={form.lockWindowHours}
              inputMode="numeric"
              data-testid="event-lock-input"
              onChange={(e) => set("lockWindowHours", e.target.value)}
            />
          </label>
          <label className="field">
            Max tickets per wallet (0 = no limit)
            <input
              value={form.maxPerWallet}
              inputMode="numeric"
              data-testid="event-max-input"
              onChange={(e) => set("maxPerWallet", e.target.value)}
            />
          </label>
          <label className="field">
            Resale royalty (%)
            <input
              value={form.royaltyPercent}
              inputMode="decimal"
              data-testid="event-royalty-input"
              onChange={(e) => set("royaltyPercent", e.target.value)}
            />
          </label>
          <label className="field">
            Currency (ERC-20 token address; empty = ETH)
            <input
              value={form.currency}
              placeholder="0x… or empty"
              data-testid="event-currency-input"
              onChange={(e) => set("currency", e.target.value)}
            />
          </label>
        </div>
        <div className="form-grid">
          <label className="field">
            Allocation channels, one per line: name quota [free|market-only|locked] (e.g. “public 850”, “sponsor 100
            market-only”, “staff 30 locked”)
            <textarea
              value={allocation.channels}
              data-testid="event-channels-input"
              onChange={(e) => setAllocation((a) => ({ ...a, channels: e.target.value }))}
            />
          </label>
          <label className="field">
            Real-name: bind identity (hours before start)
            <input
              value={allocation.bindHours}
              inputMode="decimal"
              data-testid="event-bind-hours-input"
              onChange={(e) => setAllocation((a) => ({ ...a, bindHours: e.target.value }))}
            />
          </label>
          <label className="field">
            …for tiers (e.g. 0,2)
            <input
              value={allocation.bindTiers}
              data-testid="event-bind-tiers-input"
              onChange={(e) => setAllocation((a) => ({ ...a, bindTiers: e.target.value }))}
            />
          </label>
        </div>
        {form.tiers.map((tier, i) => (
          <TierFields
            // biome-ignore lint/suspicious/noArrayIndexKey: a tier is its position (tier id = index on chain)
            key={i}
            index={i}
            tier={tier}
            onChange={(t) =>
              set(
                "tiers",
                form.tiers.map((old, j) => (j === i ? t : old)),
              )
            }
            onRemove={
              form.tiers.length > 1
                ? () =>
                    set(
                      "tiers",
                      form.tiers.filter((_, j) => j !== i),
                    )
                : undefined
            }
          />
        ))}
        <div className="row">
          <button
            type="button"
            className="button secondary"
            data-testid="add-tier"
            disabled={form.tiers.length >= 8}
            onClick={() =>
              set("tiers", [
                ...form.tiers,
                {
                  faceValueEth: "0.1",
                  supply: "50",
                  zones: 3,
                  mode: 1,
                  resaleCapPercent: "110",
                  voucherOnly: false,
                  reserved: false,
                },
              ])
            }
          >
            Add tier
          </button>
          <button
            type="submit"
            className="button"
            data-testid="create-event-submit"
            disabled={status !== "connected" || tx.busy}
          >
            Create event
          </button>
        </div>
        {problems.length > 0 && (
          <ul className="error" role="alert" data-testid="create-event-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </form>
      <TxStatus state={tx.state} testId="create-event-status" />
      {created && (
        <Link href={`/organizer/events/${created}`} data-testid="created-event-link" data-address={created}>
          Manage the new event
        </Link>
      )}
    </section>
  );
}
