import { zoneNames } from "../format/ticket-words";

/** The gate zone's name ("General", "VIP", …, else "Zone n"), never a bare bit number. */
export function gateZoneName(zone: number): string {
  return zoneNames(2 ** zone)[0] ?? `Zone ${zone}`;
}
