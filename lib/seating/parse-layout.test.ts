import { describe, expect, it } from "vitest";
import { generateVenue } from "./generate-venue";
import { VenueLayoutError } from "./layout-error";
import { parseVenueCsv, parseVenueLayout } from "./parse-layout";
import { MAX_SEATS, seatKey } from "./venue-layout";

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof VenueLayoutError) return e.problems;
    throw e;
  }
  throw new Error("expected a VenueLayoutError");
};

describe("parseVenueLayout", () => {
  it("flattens sections, rows and seats into stable seat indexes", () => {
    const venue = parseVenueLayout({
      name: "Club",
      sections: [
        {
          id: "A",
          tier: 1,
          rows: [
            {
              id: "1",
              seats: [
                { number: 1, x: 0, y: 1 },
                { number: 2, x: 1, y: 1, accessible: true },
              ],
            },
          ],
        },
        { id: "B", tier: 0, rows: [{ id: "1", seats: [{ number: 1, x: 5, y: 5 }] }] },
      ],
    });
    expect(venue.seats.map((s) => [s.index, s.section, s.row, s.number, s.tier, s.accessible])).toEqual([
      [0, "A", "1", 1, 1, false],
      [1, "A", "1", 2, 1, true],
      [2, "B", "1", 1, 0, false],
    ]);
    expect(venue.byKey.get(seatKey("B", "1", 1))).toBe(2);
    expect(venue.stage).toEqual({ x: 0, y: 0 });
  });

  it("reports every problem with where it is: duplicates, bad shapes, bad numbers", () => {
    const problems = problemsOf(() =>
      parseVenueLayout({
        name: "Broken",
        sections: [
          {
            id: "A",
            tier: 0,
            rows: [
              {
                id: "1",
                seats: [
                  { number: 1, x: 0, y: 0 },
                  { number: 1, x: 1, y: 0 },
                ],
              },
              { id: "1", seats: [{ number: 2, x: 0, y: 1 }] },
            ],
          },
          { id: "A", tier: 0, rows: [{ id: "2", seats: [{ number: 3, x: 0, y: 2 }] }] },
        ],
      }),
    );
    expect(problems).toEqual([
      { where: "sections[0].rows[0].seats[1]", message: "seat 1 of row 1, section A appears twice" },
      { where: "sections[0].rows[1].id", message: 'row "1" appears twice in section A' },
      { where: "sections[1].id", message: 'section "A" appears twice' },
    ]);
    const shape = problemsOf(() =>
      parseVenueLayout({
        name: "",
        sections: [{ id: "A|B", tier: 9, rows: [{ id: "1", seats: [{ number: 0, x: Number.NaN, y: 0 }] }] }],
      }),
    );
    expect(shape.map((p) => p.where)).toEqual(
      expect.arrayContaining([
        "name",
        "sections[0].id",
        "sections[0].tier",
        "sections[0].rows[0].seats[0].number",
        "sections[0].rows[0].seats[0].x",
      ]),
    );
    expect(problemsOf(() => parseVenueLayout("not a layout"))[0]!.where).toBe("(root)");
  });

  it("takes a 50,000-seat generated stadium and refuses more than MAX_SEATS", () => {
    const venue = parseVenueLayout(generateVenue({ sections: 40, rows: 50, seatsPerRow: 20 }));
    expect(venue.seats.length).toBeGreaterThanOrEqual(50_000);
    expect(new Set(venue.seats.map((s) => seatKey(s.section, s.row, s.number))).size).toBe(venue.seats.length);
    const huge = generateVenue({ sections: 100, rows: 100, seatsPerRow: 21 });
    expect(problemsOf(() => parseVenueLayout(huge))).toEqual([
      { where: "(root)", message: expect.stringContaining(`at most ${MAX_SEATS}`) },
    ]);
  });
});

describe("parseVenueCsv", () => {
  it("builds sections and rows in order of appearance, columns in any order", () => {
    const venue = parseVenueCsv(
      "Hall",
      ["tier,section,row,seat,x,y,accessible", "0,Floor,A,1,0,0,yes", "0,Floor,A,2,1,0,", "2,Balcony,1,1,0,9,no"].join(
        "\n",
      ),
    );
    expect(
      venue.seats.map((s) => `${s.section}/${s.row}/${s.number}/t${s.tier}/${s.accessible ? "acc" : "-"}`),
    ).toEqual(["Floor/A/1/t0/acc", "Floor/A/2/t0/-", "Balcony/1/1/t2/-"]);
  });

  it("reports bad lines by number and missing columns", () => {
    expect(problemsOf(() => parseVenueCsv("H", "section,row,seat,x\nA,1,1,0"))).toEqual([
      { where: "line 1", message: expect.stringContaining("missing column(s): y, tier") },
    ]);
    const problems = problemsOf(() =>
      parseVenueCsv(
        "H",
        [
          "section,row,seat,x,y,tier,accessible",
          "A,1,1,0,0,0,",
          "A,1,one,0,0,0,",
          "A,1,2,0,0,1,",
          "A,1,3,0,0,0,maybe",
        ].join("\n"),
      ),
    );
    expect(problems).toEqual([
      { where: "line 3", message: 'seat "one" is not a whole number' },
      { where: "line 4", message: "section A sells in tier 0, this seat says tier 1" },
      { where: "line 5", message: 'accessible "maybe" is not yes or no' },
    ]);
    expect(problemsOf(() => parseVenueCsv("H", ""))[0]!.message).toContain("no seats");
    expect(problemsOf(() => parseVenueCsv("H", 'section,row,seat,x,y,tier\n"A,1,1,0,0,0'))[0]!.where).toBe("CSV");
  });
});
