import type { Metadata } from "next";
import { CreateEventForm } from "../components/organizer/CreateEventForm";
import { MyEvents } from "../components/organizer/MyEvents";
import { PageShell } from "../components/PageShell";

export const metadata: Metadata = { title: "Organizer" };

/** Organizer home: the events this wallet runs, and a form to create one. */
export default function OrganizerPage() {
  return (
    <PageShell subtitle="Organizer">
      <MyEvents />
      <CreateEventForm />
    </PageShell>
  );
}
