/**
 * A stand-in JSON-RPC node for fast tests of the simulator and of the RPC clients behind it:
 * a fixed head, and eth_getLogs answering one well-formed log per block of the range (so a
 * scan's result shows exactly which blocks it covered). Everything else answers chain id 31337.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeNode = { url: string; head: number; calls: () => number; close(): Promise<void> };

const pad = (n: number, bytes: number) => `0x${n.toString(16).padStart(bytes * 2, "0")}`;

function logAt(block: number) {
  return {
    address: "0x00000000000000000000000000000000000000aa",
    blockHash: pad(block, 32),
    blockNumber: `0x${block.toString(16)}`,
    data: "0x",
    logIndex: "0x0",
    topics: [pad(1, 32)],
    transactionHash: pad(block, 32),
    transactionIndex: "0x0",
    removed: false,
  };
}

export async function startFakeNode(head = 100_000): Promise<FakeNode> {
  let calls = 0;
  const block = (tag: string | undefined) =>
    tag === undefined || tag === "latest" ? head : tag === "earliest" ? 0 : Number(tag);
  const answer = (c: { id: unknown; method: string; params?: { fromBlock?: string; toBlock?: string }[] }) => {
    calls++;
    if (c.method === "eth_blockNumber") return { jsonrpc: "2.0", id: c.id, result: `0x${head.toString(16)}` };
    if (c.method === "eth_getLogs") {
      const from = block(c.params?.[0]?.fromBlock);
      const to = block(c.params?.[0]?.toBlock);
      return {
        jsonrpc: "2.0",
        id: c.id,
        result: Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => logAt(from + i)),
      };
    }
    return { jsonrpc: "2.0", id: c.id, result: "0x7a69" };
  };
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(text) as unknown;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body as never)));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    head,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
