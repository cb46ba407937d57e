"use client";

import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";

/** Where a phone camera that reads the QR lands: the gate page, the code in the fragment (never sent to a server). */
export function inviteLink(origin: string, code: string): string {
  return `${origin}/gate#invite=${encodeURIComponent(code)}`;
}

/**
 * A freshly issued invite code, shown once: a copy button and a QR of the gate-page link, so the
 * organizer can hand it to door staff by message or by showing the screen.
 */
export function InviteCodeCard({ gateId, code }: { gateId: string; code: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  useEffect(() => {
    const url = inviteLink(window.location.origin, code);
    setLink(url);
    setCopied(null);
    if (canvas.current)
      void QRCode.toCanvas(canvas.current, url, { errorCorrectionLevel: "M", margin: 2, width: 220 }).catch(() => {});
  }, [code]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <div className="notice stack" data-testid="invite-issued">
      <p>
        Code for <strong>{gateId}</strong>: <code data-testid="invite-code">{code}</code> — hand it over now; it is not
        shown again.
      </p>
      <div className="row">
        <button type="button" className="button secondary" data-testid="invite-copy" onClick={() => void copy()}>
          Copy code
        </button>
        <span className="small" role="status" data-testid="invite-copied" data-state={copied ?? ""}>
          {copied === "yes" ? "Copied." : copied === "failed" ? "This browser refused to copy; select the code." : ""}
        </span>
      </div>
      <canvas
        ref={canvas}
        data-testid="invite-qr"
        data-link={link ?? ""}
        aria-label={`QR code: opens the gate page with the invite code for ${gateId}`}
      />
      <p className="small">Door staff scan it with their phone camera to open the gate page with the code filled in.</p>
    </div>
  );
}
