"use client";

import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import type { Address } from "viem";
import { msUntilNextSlot, PASS_SLOT_SECONDS, signPass, slotAt } from "../../../lib/pass";

/**
 * The live pass: a QR signed by the device key for the current time slot, redrawn at every slot
 * boundary, with a countdown to the next one. A screenshot dies with its slot.
 */
export function RotatingQr({
  privateKey,
  keyId,
  chainId,
  contract,
  tokenId,
}: {
  privateKey: CryptoKey;
  keyId: Uint8Array;
  chainId: number;
  contract: Address;
  tokenId: bigint;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [slot, setSlot] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(PASS_SLOT_SECONDS);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const draw = async () => {
      const now = Date.now();
      const current = slotAt(now);
      try {
        const text = await signPass(privateKey, { chainId, contract, tokenId, slot: current, keyId });
        if (!live || !canvas.current) return;
        const size = Math.min(window.innerWidth, window.innerHeight, 560) - 32;
        await QRCode.toCanvas(canvas.current, text, { errorCorrectionLevel: "M", margin: 2, width: size });
        setSlot(current);
        setError(null);
      } catch (e) {
        setError(`Could not draw the pass: ${(e as Error).message}`);
      }
      if (live) timer = setTimeout(draw, msUntilNextSlot(Date.now()) + 20);
    };
    void draw();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [privateKey, keyId, chainId, contract, tokenId]);

  useEffect(() => {
    const tick = setInterval(() => setSecondsLeft(Math.ceil(msUntilNextSlot(Date.now()) / 1000)), 250);
    return () => clearInterval(tick);
  }, []);

  return (
    <div className="pass-qr-box">
      <canvas ref={canvas} data-testid="pass-qr" data-slot={slot ?? ""} aria-label="Your ticket pass QR code" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="pass-countdown" data-testid="pass-countdown" aria-live="off">
        New code in {secondsLeft} s
      </div>
    </div>
  );
}
