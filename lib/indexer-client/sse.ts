/** Minimal Server-Sent Events reader over fetch (Node has no EventSource by default; browsers may use theirs). */
export type SseMessage = { event: string; data: string; id?: string };

/** Yields each message of an SSE body until it ends or `signal` aborts. */
export async function* readSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer[end] === "\r" ? 4 : 2));
        const msg: SseMessage = { event: "message", data: "" };
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith(":")) continue;
          const i = line.indexOf(":");
          const field = i < 0 ? line : line.slice(0, i);
          const val = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
          if (field === "event") msg.event = val;
          else if (field === "data") data.push(val);
          else if (field === "id") msg.id = val;
        }
        if (data.length === 0) continue;
        msg.data = data.join("\n");
        yield msg;
      }
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
