"use client";

import jsQR from "jsqr";
import { useEffect, useRef, useState } from "react";

/** How often a video frame is decoded; ~6 per second is plenty for a pass and light on a phone. */
const DECODE_EVERY_MS = 160;

/**
 * The rear camera (getUserMedia) decoded with jsQR. Calls `onCode` with each QR text seen while
 * `paused` is false. Stops the camera when unmounted.
 */
export function CameraScanner({ onCode, paused }: { onCode: (text: string) => void; paused: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"starting" | "on" | "error">("starting");
  const [error, setError] = useState<string | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let live = true;
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia)
        throw new Error("This browser has no camera access here (it needs https or localhost).");
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      if (!live || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      setState("on");
      timer = setInterval(() => {
        const v = video.current;
        const c = canvas.current;
        if (pausedRef.current || !v || !c || v.videoWidth === 0) return;
        c.width = v.videoWidth;
        c.height = v.videoHeight;
        const ctx = c.getContext("2d", { willReadFrequently: true });
        if (!ctx) return;
        ctx.drawImage(v, 0, 0);
        const frame = ctx.getImageData(0, 0, c.width, c.height);
        const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" });
        if (code?.data) onCodeRef.current(code.data);
      }, DECODE_EVERY_MS);
    })().catch((e: unknown) => {
      if (!live) return;
      setState("error");
      const name = (e as Error).name;
      setError(
        name === "NotAllowedError"
          ? "Camera permission was refused. Allow it, or type the pass below."
          : `Camera unavailable: ${(e as Error).message}`,
      );
    });
    return () => {
      live = false;
      clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <div className="scanner" data-testid="camera" data-state={state}>
      <video ref={video} muted playsInline className="scanner-video" />
      <canvas ref={canvas} hidden />
      {state === "starting" && <p className="muted">Starting the camera…</p>}
      {error && (
        <p className="error" role="alert" data-testid="camera-error">
          {error}
        </p>
      )}
    </div>
  );
}
