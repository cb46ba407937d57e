/** The one spelling of an ID number that commitments are computed over (browser- and Node-safe). */

/** Unicode NFKC, upper case, without spaces, dashes, dots and slashes: "ab 123-45" = "AB12345". */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-./]/g, "");
}
