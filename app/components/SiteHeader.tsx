import Link from "next/link";

const LINKS = [
  { href: "/", label: "My tickets" },
  { href: "/events", label: "Events" },
  { href: "/organizer", label: "Organizer" },
  { href: "/gate", label: "Gate" },
  { href: "/check", label: "Check a ticket" },
];

/** Title and the areas of the app; `nav={false}` (the door's scanner) shows the title only, with no way off the page. */
export function SiteHeader({ subtitle, nav = true }: { subtitle?: string | undefined; nav?: boolean }) {
  return (
    <header className="site-header">
      <div className="site-title">
        <h1>{nav ? <Link href="/">Fairgate</Link> : "Fairgate"}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {nav && (
        <nav className="site-nav" aria-label="Main">
          {LINKS.map((l) => (
            <Link key={l.href} href={l.href}>
              {l.label}
            </Link>
          ))}
        </nav>
      )}
    </header>
  );
}
