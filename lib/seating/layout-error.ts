/** A layout that cannot be used, with every problem found (path or CSV line, and what is wrong). */
export type LayoutProblem = { where: string; message: string };

export class VenueLayoutError extends Error {
  override name = "VenueLayoutError";
  constructor(readonly problems: LayoutProblem[]) {
    super(
      `venue layout refused: ${problems
        .slice(0, 5)
        .map((p) => `${p.where}: ${p.message}`)
        .join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`,
    );
  }
}
