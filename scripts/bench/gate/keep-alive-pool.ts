/**
 * The load generator's HTTP/1.1 client: N keep-alive loopback sockets, one request at a time on
 * each (no pipelining, as a door's scanner sends), requests waiting FIFO for a free socket.
 * Requests go out as one prebuilt buffer and responses are framed by Content-Length only.
 *
 * Why not node:http: on this 2-core machine the load generator shares the cores with the server,
 * and node:http's client cost ~0.21 ms of CPU per scan, more than half of what the server spends.
 * Like wrk or autocannon, a benchmark client should take as little of the machine as it can.
 */
import { connect, type Socket } from "node:net";

export type RawResponse = { status: number; body: string };

export class ResponseFramingError extends Error {
  override name = "ResponseFramingError";
}

const HEADER_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

type Pending = { request: Buffer; resolve: (r: RawResponse) => void; reject: (e: Error) => void };

class Connection {
  private socket: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private current: Pending | null = null;
  private failure: Error | null = null;

  constructor(
    host: string,
    port: number,
    private readonly onFree: (c: Connection) => void,
    private readonly onDead: () => void,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk: Buffer) => this.receive(chunk));
    this.socket.on("error", (err) => this.fail(err));
    this.socket.on("close", () => this.fail(new Error("connection closed by the server")));
  }

  get dead(): boolean {
    return this.failure !== null;
  }

  send(p: Pending): void {
    this.current = p;
    this.socket.write(p.request);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffered.toString("latin1", 0, headerEnd);
    const length = CONTENT_LENGTH.exec(head);
    if (!length) {
      this.fail(new ResponseFramingError(`response without Content-Length: ${head.split("\r\n")[0]}`));
      return;
    }
    const end = headerEnd + HEADER_END.length + Number(length[1]);
    if (this.buffered.length < end) return;
    const response = {
      status: Number(head.slice(9, 12)),
      body: this.buffered.toString("utf8", headerEnd + HEADER_END.length, end),
    };
    this.buffered = this.buffered.subarray(end);
    const done = this.current;
    this.current = null;
    done?.resolve(response);
    this.onFree(this);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.socket.destroy();
    this.current?.reject(err);
    this.current = null;
    this.onDead();
  }
}

/**
 * @example
 * const pool = keepAlivePool("http://127.0.0.1:4100", 50);
 * const { status, body } = await pool.send(pool.post("/gate/pass/scan", { authorization: "Bearer …" }, '{"pass":"…"}'));
 */
export function keepAlivePool(url: string, size: number) {
  const { hostname, port } = new URL(url);
  const host = `${hostname}:${port}`;
  const queue: Pending[] = [];
  const idle: Connection[] = [];
  const free = (c: Connection) => {
    const next = queue.shift();
    if (next) c.send(next);
    else idle.push(c);
  };
  // A socket that fails takes no more requests; when none is left, the waiting ones fail rather than hang.
  const dead = () => {
    if (all.some((c) => !c.dead)) return;
    for (const p of queue.splice(0)) p.reject(new Error("every connection to the server failed"));
  };
  const all: Connection[] = Array.from({ length: size }, () => new Connection(hostname, Number(port), free, dead));
  idle.push(...all);
  return {
    /** One request's bytes: built once, ahead of the clock when the caller likes. */
    post(path: string, headers: Record<string, string>, body: string): Buffer {
      const lines = [
        `POST ${path} HTTP/1.1`,
        `host: ${host}`,
        "content-type: application/json",
        `content-length: ${Buffer.byteLength(body)}`,
      ];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);
    },
    send(request: Buffer): Promise<RawResponse> {
      return new Promise((resolve, reject) => {
        const p = { request, resolve, reject };
        let c = idle.pop();
        while (c?.dead) c = idle.pop();
        if (c) c.send(p);
        else if (all.every((x) => x.dead)) reject(new Error("every connection to the server failed"));
        else queue.push(p);
      });
    },
    close(): void {
      for (const c of all) c.close();
    },
  };
}
