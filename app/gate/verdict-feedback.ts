/**
 * Sound and vibration on a verdict, so a steward looking at the fan rather than the phone knows
 * the answer: ADMIT one short high beep and one buzz, DENY two low beeps and a long buzz pattern.
 * Both guarded: a browser without Web Audio or navigator.vibrate (iOS Safari) or one that refuses
 * them (no user gesture yet) stays silent, and never throws at the door.
 */

type Tone = { hz: number; ms: number };

const ADMIT = { tones: [{ hz: 1320, ms: 120 }], vibrate: [80] };
const DENY = {
  tones: [
    { hz: 330, ms: 180 },
    { hz: 330, ms: 180 },
  ],
  vibrate: [200, 100, 200],
};

let audio: AudioContext | null = null;

function beep(tones: Tone[]): boolean {
  const Ctx =
    globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return false;
  try {
    audio ??= new Ctx();
    // Started on the steward's tap (a scan), so a suspended context may resume.
    if (audio.state === "suspended") void audio.resume().catch(() => {});
    let at = audio.currentTime;
    for (const t of tones) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = t.hz;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + t.ms / 1000);
      at += (t.ms + 60) / 1000;
    }
    return true;
  } catch {
    return false;
  }
}

function buzz(pattern: number[]): boolean {
  const nav = globalThis.navigator as (Navigator & { vibrate?: (p: number[]) => boolean }) | undefined;
  if (typeof nav?.vibrate !== "function") return false;
  try {
    return nav.vibrate(pattern);
  } catch {
    return false;
  }
}

/** Plays the verdict's sound and vibration where the device can; says which it could. */
export function verdictFeedback(result: "ADMIT" | "DENY"): { sound: boolean; vibration: boolean } {
  const f = result === "ADMIT" ? ADMIT : DENY;
  return { sound: beep(f.tones), vibration: buzz(f.vibrate) };
}
