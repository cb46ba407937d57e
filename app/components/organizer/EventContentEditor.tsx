"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { signTypedData } from "wagmi/actions";
import { eventContentTypedData } from "../../../lib/event-content/content-signature";
import { IndexerClientError } from "../../../lib/indexer-client/errors";
import type { EventView } from "../../chain-reads/read-event";
import { eventContentKey, useEventContent, useEventContentClient } from "../../hooks/useEventContent";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { useTimeZone } from "../../hooks/useTimeZone";
import { type ContentDraft, contentFromDraft, draftFrom, readImageFile } from "../../organizer/content-draft";

async function asDataUrl(src: string): Promise<string> {
  const blob = await (await fetch(src)).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * The event's face, written by its organizer: description, venue, image, time zone, door time and
 * tier names. Saving signs the content with the organizer's wallet (EIP-712, no transaction); the
 * indexer stores it only for the event's admin, and only as a newer version.
 */
export function EventContentEditor({ event }: { event: EventView }) {
  const config = useConfig();
  const { address: me } = useConnection();
  const { chainId, indexerUrl } = useRuntimeConfig();
  const zone = useTimeZone() ?? "UTC";
  const saved = useEventContent(event.address);
  const client = useEventContentClient();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ContentDraft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [state, setState] = useState<"idle" | "signing" | "saved">("idle");
  const [savedVersion, setSavedVersion] = useState(0);

  useEffect(() => {
    if (!saved.isPending && draft === null) setDraft(draftFrom(saved.data ?? null, event.tiers.length, zone));
  }, [saved.isPending, saved.data, draft, event.tiers.length, zone]);
  if (draft === null) return null;
  const set = (patch: Partial<ContentDraft>) => {
    setDraft({ ...draft, ...patch });
    setState("idle");
  };

  const save = async () => {
    setProblems([]);
    try {
      const kept = draft.imageMode === "keep" && saved.imageSrc ? await asDataUrl(saved.imageSrc) : null;
      const built = contentFromDraft(draft, kept);
      if (!built.ok) return setProblems(built.problems);
      setState("signing");
      const version = (saved.data?.version ?? 0) + 1;
      const signature = await signTypedData(config, {
        account: me!,
        ...eventContentTypedData(chainId, event.address, version, built.content),
      });
      const stored = await client.put(event.address, { version, content: built.content, signature });
      queryClient.setQueryData(eventContentKey(indexerUrl, event.address), stored);
      setSavedVersion(stored.version);
      setState("saved");
    } catch (err) {
      setState("idle");
      setProblems([err instanceof IndexerClientError ? err.shortMessage : (err as Error).message.split("\n")[0]!]);
    }
  };

  return (
    <section className="panel stack" data-testid="content-editor">
      <h2>Event page</h2>
      <p className="small muted">
        What fans see about this event. Saving asks your wallet to sign; it sends no transaction.
      </p>
      <label className="stack">
        Description
        <textarea
          data-testid="content-description"
          rows={4}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </label>
      <div className="row">
        <label className="stack">
          Venue
          <input
            data-testid="content-venue-name"
            value={draft.venueName}
            onChange={(e) => set({ venueName: e.target.value })}
          />
        </label>
        <label className="stack">
          Address
          <input
            data-testid="content-venue-address"
            value={draft.venueAddress}
            onChange={(e) => set({ venueAddress: e.target.value })}
          />
        </label>
      </div>
      <div className="row">
        <label className="stack">
          Time zone
          <input
            data-testid="content-timezone"
            value={draft.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
          />
        </label>
        <label className="stack">
          Doors open (in that time zone)
          <input
            type="datetime-local"
            data-testid="content-doors"
            value={draft.doorsOpen}
            onChange={(e) => set({ doorsOpen: e.target.value })}
          />
        </label>
      </div>
      <fieldset className="stack">
        <legend>Image</legend>
        <input
          type="url"
          placeholder="https://… (or upload below)"
          aria-label="Image address (https)"
          data-testid="content-image-url"
          value={draft.imageUrl}
          onChange={(e) => set({ imageUrl: e.target.value, imageMode: e.target.value ? "url" : "none" })}
        />
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-label="Upload an image"
          data-testid="content-image-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const read = await readImageFile(file);
            if ("problem" in read) return setProblems([read.problem]);
            set({ imageMode: "upload", imageDataUrl: read.dataUrl, imageUrl: "" });
          }}
        />
        {draft.imageMode !== "none" && (
          <button type="button" className="link-button" onClick={() => set({ imageMode: "none", imageUrl: "" })}>
            Remove the image
          </button>
        )}
      </fieldset>
      <fieldset className="stack">
        <legend>Tier names</legend>
        {draft.tierNames.map((name, i) => (
          <label key={event.tiers[i]?.id ?? i} className="row">
            Tier {i}
            <input
              data-testid="content-tier-name"
              data-tier={i}
              value={name}
              placeholder={`Tier ${i}`}
              onChange={(e) => set({ tierNames: draft.tierNames.map((n, j) => (j === i ? e.target.value : n)) })}
            />
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid="content-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button"
        data-testid="content-save"
        disabled={state === "signing" || !me}
        onClick={() => void save()}
      >
        {state === "signing" ? "Sign in your wallet…" : "Save and sign"}
      </button>
      {state === "saved" && (
        <p className="notice" role="status" data-testid="content-saved">
          Saved: version {savedVersion} is on the event page.
        </p>
      )}
    </section>
  );
}
