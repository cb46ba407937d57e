import Link from "next/link";

const LINKS = [
  { href: "/", label: "My tickets" },
  { href: "/events", label: "Events" },
  { href: "/organizer", label: "Organizer" },
  { href: "/gate", label: "Gate" },
  { href: "/check", label: "Check a ticket" },
];

/** Title and the areas of the app. */
export function SiteHeader({ subtitle }: { subtitle?: string }) {
  return (
    <header className="site-header">
      <div className="site-title">
        <h1>
          <Link href="/">Fairgate</Link>
        </h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      <nav className="site-nav" aria-label="Main">
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href}>
            {l.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
