/**
 * Titles of pages about one event, read on the server per request (the root layout renders per
 * request): the event's name from the indexer, and the organizer's description for link previews.
 * A slow or absent indexer never fails the page: the title falls back to `fallback`.
 */
import type { Metadata } from "next";
import { isAddress } from "viem";
import { createIndexerClient } from "../../lib/indexer-client/client";
import { createEventContentClient } from "../../lib/indexer-client/event-content";
import { readRuntimeConfig } from "./runtime";

const TIMEOUT_MS = 1_500;

export async function eventPageMetadata(address: string, fallback: string, prefix = ""): Promise<Metadata> {
  if (!isAddress(address)) return { title: fallback };
  const { indexerUrl } = readRuntimeConfig(process.env);
  const [event, content] = await Promise.all([
    createIndexerClient({ baseUrl: indexerUrl, timeoutMs: TIMEOUT_MS })
      .event(address)
      .catch(() => null),
    createEventContentClient({ baseUrl: indexerUrl, timeoutMs: TIMEOUT_MS })
      .content(address)
      .catch(() => null),
  ]);
  const name = event?.event.name;
  const description = content?.content.description.slice(0, 200) || undefined;
  return { title: name ? `${prefix}${name}` : fallback, ...(description ? { description } : {}) };
}
